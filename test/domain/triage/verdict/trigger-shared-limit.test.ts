import { describe, expect, it } from 'vitest';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NODE_A, NODE_B, NODE_C, NS, REV6, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, podName, revision, revisionContainer, terminated } from '../scenarios/builders.js';

// A node's inotify instances are counted per user id across every container of the node: a
// revision that watches more files uses more of them. When only its pods fail and the revision
// before runs, the differential contradicts "any revision fails the same way on that node".
const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const INOTIFY = [
  'Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.',
  '   at System.IO.FileSystemWatcher.StartRaisingEvents()',
  '   at Program.<Main>$(String[] args) in /src/Api/Program.cs:line 12',
];

const BARE: PodTemplateEvidence = { initContainers: [], imagePullSecrets: [], volumes: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, annotations: {} };
const WATCHED: PodTemplateEvidence = { ...BARE, volumes: [{ name: 'rules', source: 'configMap', ref: 'orders-rules' }] };
const KEYS = Array.from({ length: 12 }, (_, i) => `rules.${i}.json`);

/** Revision 7 (25m ago) mounts a new ConfigMap of 12 files and turns on reloading; `healthy7` of its pods run on nodes A and B. */
function evidence(healthy7: boolean): TriageEvidence {
  const failingName = podName(REV7.hash, 2);
  const failing = pod(2, { revisionHash: REV7.hash, nodeName: NODE_C, ready: false, createdAt: minutesAgo(24), startTime: minutesAgo(24), containers: [crashLooping(failingName, terminated(134, 'Error', 1, { runSeconds: 4 }), 9, { image: IMAGE_V15 })] });
  const others = [0, 1].map((i) => (healthy7 ? pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(23), startTime: minutesAgo(23), nodeName: i === 0 ? NODE_A : NODE_B }) : pod(i, { nodeName: i === 0 ? NODE_A : NODE_B })));
  const pods = [...others, failing];
  const v15 = revisionContainer({ image: IMAGE_V15, env: [...revisionContainer().env, { name: 'RULES_DIR', value: '/etc/orders/rules' }, { name: 'RULES_RELOAD_ON_CHANGE', value: 'true' }] });
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: healthy7 ? 0 : 2, template: BARE, containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(25), { replicas: healthy7 ? 3 : 1, template: WATCHED, containers: [v15] }),
    ],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'orders-rules', createdAt: minutesAgo(25), keys: KEYS }],
    events: [event({ object: { kind: 'Pod', name: failingName, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${failingName}_${NS}`, count: 100, firstSeen: minutesAgo(23), lastSeen: minutesAgo(1) })],
    logs: [{ pod: failingName, container: 'app', previous: true, lines: INOTIFY }],
  });
}

describe('a node limit the pods share, met by the new revision alone', () => {
  it('blames the revision for using more of the limit, names what it added, and offers the rollback beside the node setting', () => {
    const r = buildTriageReport(evidence(false), times);
    expect(r.headline).toContain('fs.inotify.max_user_instances');
    expect(r.headline).not.toMatch(/is not the (cause|trigger)/);
    expect(r.headline).toMatch(/^Since revision 7 \(25m ago: it added volume rules \(ConfigMap orders-rules, 12 files\) and env RULES_RELOAD_ON_CHANGE = "true"\), which uses more inotify instances: only its pods fail, revision 6's 2 pods run/);
    expect(r.headline).toMatch(/Roll back to revision 6, or set fs\.inotify\.max_user_instances to a higher value/);
    // The healthy pods run the revision before, not the same image.
    expect(r.findings[0]?.evidence.join('\n')).not.toMatch(/the same image runs/);
  });

  it('keeps the exoneration when pods of the new revision run fine on the other nodes', () => {
    const r = buildTriageReport(evidence(true), times);
    expect(r.headline).not.toMatch(/roll back to/i);
    expect(r.headline).toMatch(/revision 7 .*(is not the cause|runs fine)/);
  });
});
