import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  IMAGE_V15, NS, NOW, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const MOUNT = { name: 'data', mountPath: '/var/lib/ledger' };

/**
 * Revision 7 (20 minutes ago) changed only the image; its two pods exit 1 at start with `log`,
 * while three pods of revision 6 keep serving. The app mounts volume `data` at /var/lib/ledger.
 */
function newImageRollout(opts: { log: string[]; volume?: VolumeEvidence; podSc?: string }): TriageEvidence {
  const fresh = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 2 }), 8)] };
  });
  const base = baseEvidence({
    pods: [...fresh, ...[2, 3, 4].map((i) => pod(i))],
    events: fresh.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 60, firstSeen: minutesAgo(18), lastSeen: minutesAgo(0.5) })),
    logs: fresh.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: opts.log })),
    workload: workload({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, currentRevision: 7 }),
  });
  const volumes = [opts.volume ?? { name: 'data', source: 'pvc' as const, ref: 'ledger-data' }];
  const template = { initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(opts.podSc ? { securityContext: opts.podSc } : {}) };
  return {
    ...base,
    revisions: [
      ...base.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, volumeMounts: [MOUNT] })), template })),
      revision(REV7, minutesAgo(20), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, volumeMounts: [MOUNT] })], template }),
    ],
  };
}

const PY_EACCES = [
  '2026-11-21 03:12:10,101 INFO ledger starting as uid=10001',
  'Traceback (most recent call last):',
  '  File "/app/ledger/store.py", line 31, in open_journal',
  "PermissionError: [Errno 13] Permission denied: '/var/lib/ledger/journal/000042.wal'",
];

describe('permission denied on a path under a kept volume: the data\'s owner is not the process\'s user', () => {
  it('names the user, the mount and the missing fsGroup, and advises fsGroup or a chown', () => {
    const [f] = analyzeExitCodes(newImageRollout({ log: PY_EACCES }));
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods: its new image runs as uid 10001, which does not own the data on its volume at /var/lib/ledger (no fsGroup)');
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toContain('securityContext.fsGroup: 10001');
    expect(f?.nextAction).toMatch(/chown/);
    expect(`${f?.title ?? ''} ${f?.likelyCause ?? ''}`).not.toMatch(/read-?only (file ?system|volume)|no space|disk (is )?full/i);
  });

  it('puts fsGroup in the headline next to the rollback', () => {
    const { headline } = buildTriageReport(newImageRollout({ log: PY_EACCES }), times);
    expect(headline).toMatch(/^Since revision 7 .*uid 10001.*\/var\/lib\/ledger/);
    expect(headline).toContain('Roll back to revision 6, or set the pod\'s securityContext.fsGroup: 10001');
  });

  it('reads Go\'s and Node\'s ways of saying it, without a user in the log', () => {
    for (const line of ['panic: open /var/lib/ledger/LOCK: permission denied', "Error: EACCES: permission denied, open '/var/lib/ledger/state.json'"]) {
      const [f] = analyzeExitCodes(newImageRollout({ log: [line] }));
      expect(f?.title).toContain('its new image runs as a non-root user, which does not own the data on its volume at /var/lib/ledger');
    }
  });

  it('blames no ownership when the pod already sets fsGroup', () => {
    const [f] = analyzeExitCodes(newImageRollout({ log: PY_EACCES, podSc: '{"fsGroup":10001}' }));
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods');
  });

  it('blames no ownership when the refused path is not on a volume', () => {
    const [f] = analyzeExitCodes(newImageRollout({ log: ["PermissionError: [Errno 13] Permission denied: '/app/cache/index'"] }));
    expect(f?.title).not.toMatch(/fsGroup|does not own/);
  });

  it('blames no ownership on an emptyDir, which every user may write', () => {
    const [f] = analyzeExitCodes(newImageRollout({ log: PY_EACCES, volume: { name: 'data', source: 'emptyDir' } }));
    expect(f?.title).not.toMatch(/fsGroup|does not own/);
  });

  it('blames no ownership when the process says it runs as root', () => {
    const [f] = analyzeExitCodes(newImageRollout({ log: ['starting as uid=0', ...PY_EACCES.slice(1)] }));
    expect(f?.title).not.toMatch(/fsGroup|does not own/);
  });
});
