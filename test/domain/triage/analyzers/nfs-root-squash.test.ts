// Root refused a chown on an NFS volume: the export squashes root to nobody (root_squash), so the
// reading names the export and its claim, and advises setting the owner on the server — a chown in
// the pod cannot work. The same refusal on a disk, or by a non-root process, is not this.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { PersistentVolumeEvidence } from '../../../../src/domain/triage/evidence-context.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  IMAGE_V15, NS, NOW, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const MOUNT = { name: 'assets', mountPath: '/data' };
const NFS_PV: PersistentVolumeEvidence = { name: 'assets-nfs', claim: `${NS}/assets`, phase: 'Bound', nodeAffinity: [], driver: 'nfs', nfs: { server: 'filer-07.storage.internal', path: '/exports/assets' } };
const DISK_PV: PersistentVolumeEvidence = { name: 'assets-ebs', claim: `${NS}/assets`, phase: 'Bound', nodeAffinity: [], driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc' };
const CHOWN = ['chown: /data/uploads/a.jpg: Operation not permitted', 'chown: /data: Operation not permitted'];

/** Revision 7 (20 minutes ago) runs `chown -R` on the claim at /data; its two pods exit 1, three of revision 6 serve. */
function chownRollout(o: { pv: PersistentVolumeEvidence; sc?: string; log?: string[] }): TriageEvidence {
  const fresh = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 2 }), 8)] };
  });
  const base = baseEvidence({
    pods: [...fresh, ...[2, 3, 4].map((i) => pod(i))],
    events: fresh.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 60, firstSeen: minutesAgo(18), lastSeen: minutesAgo(0.5) })),
    logs: fresh.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: o.log ?? CHOWN })),
    workload: workload({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, currentRevision: 7 }),
    pvcs: [{ name: 'assets', phase: 'Bound', volumeName: o.pv.name, accessModes: ['ReadWriteMany'], usedByPods: fresh.map((p) => p.name) }],
    volumes: [o.pv],
  });
  const template = { initContainers: [], volumes: [{ name: 'assets', source: 'pvc' as const, ref: 'assets' }], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
  return {
    ...base,
    revisions: [
      ...base.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, volumeMounts: [MOUNT] })), template })),
      revision(REV7, minutesAgo(20), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, volumeMounts: [MOUNT], ...(o.sc ? { securityContext: o.sc } : {}) })], template }),
    ],
  };
}

describe('root refused a chown on an NFS volume', () => {
  it('names the export, the claim and root_squash, and advises the owner on the server', () => {
    const [f] = analyzeExitCodes(chownRollout({ pv: NFS_PV }));
    expect(f?.title).toMatch(/NFS export filer-07\.storage\.internal:\/exports\/assets \(claim assets\).*root_squash/);
    expect(f?.fix).toMatch(/NFS server/);
    expect(f?.evidence.join(' ')).toMatch(/PersistentVolume assets-nfs/);
    const { headline } = buildTriageReport(chownRollout({ pv: NFS_PV }), times);
    expect(headline).toMatch(/NFS/);
    expect(headline).toMatch(/Operation not permitted/);
  });

  it('is not read on a disk, nor for a process that is not root', () => {
    expect(analyzeExitCodes(chownRollout({ pv: DISK_PV }))[0]?.title).not.toMatch(/NFS|root_squash/);
    expect(analyzeExitCodes(chownRollout({ pv: NFS_PV, sc: '{"runAsUser":1000}' }))[0]?.title).not.toMatch(/NFS|root_squash/);
    expect(analyzeExitCodes(chownRollout({ pv: NFS_PV, log: ['open /data/x: permission denied'] }))[0]?.title).not.toMatch(/root_squash/);
  });
});
