// A revision starts writing many small files to an emptyDir without sizeLimit: hours later the
// node's root filesystem runs out of inodes (not bytes), the kubelet evicts pods for "inodes" and
// the writer's own file creations fail with ENOSPC. The verdict must name inodes as the resource
// and the revision that began the writes, though the node went bad long after it rolled out.
import { describe, expect, it } from 'vitest';
import { analyzeVolumeFull } from '../../../src/domain/triage/analyzers/volume-full.js';
import { analyzeNodeConditions } from '../../../src/domain/triage/analyzers/node-condition.js';
import { analyzeEvictions } from '../../../src/domain/triage/analyzers/eviction.js';
import type { PodEvidence, PodTemplateEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NODE_A, NODE_C, NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, terminated, withCondition, workload } from './scenarios/builders.js';

const LOW_INODES = 'The node was low on resource: inodes. Threshold quantity: 262144, available: 20107. ';
const SPOOL = { name: 'spool', mountPath: '/var/lib/app/spool' };
const ENOSPC = '{"level":"warn","msg":"spool write failed","error":"open /var/lib/app/spool/4e/91/77c2.json.tmp: no space left on device"}';
const ROLLED_OUT = 240;

function template(withSpool: boolean): PodTemplateEvidence {
  return { initContainers: [], volumes: withSpool ? [{ name: 'spool', source: 'emptyDir' }] : [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
}

function scenario(opts: { inodes: boolean }): TriageEvidence {
  const rev7 = (i: number, over: Partial<PodEvidence>): PodEvidence => pod(i, { revisionHash: REV7.hash, volumes: [{ name: 'spool', source: 'emptyDir' }], containers: [container({ image: IMAGE_V15, volumeMounts: [SPOOL] })], ...over });
  const writer = rev7(0, { nodeName: NODE_A, createdAt: minutesAgo(ROLLED_OUT - 2), startTime: minutesAgo(ROLLED_OUT - 2) });
  const evicted = rev7(1, {
    nodeName: NODE_A, phase: 'Failed', reason: 'Evicted', message: opts.inodes ? LOW_INODES : 'The node was low on resource: ephemeral-storage. ', ready: false,
    createdAt: minutesAgo(ROLLED_OUT - 3), startTime: minutesAgo(ROLLED_OUT - 3),
    containers: [container({ image: IMAGE_V15, volumeMounts: [SPOOL], state: terminated(137, 'Error', 30), ready: false })],
  });
  // Replacements on a node with room: young, their emptyDirs nearly empty yet.
  const fresh = [2, 3].map((i) => rev7(i, { nodeName: NODE_C, createdAt: minutesAgo(29), startTime: minutesAgo(29) }));
  const pods = [writer, evicted, ...fresh];
  const ev = baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })], template: template(false) }),
      revision(REV7, minutesAgo(ROLLED_OUT), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15, volumeMounts: [SPOOL] })], template: template(true) }),
    ],
    logs: [{ pod: writer.name, container: 'app', previous: false, lines: ['{"level":"info","msg":"spool stats","files":1843022,"bytes":1290000000}', ENOSPC] }],
    events: [
      event({ object: { kind: 'Node', name: NODE_A }, reason: 'EvictionThresholdMet', message: opts.inodes ? 'Attempting to reclaim inodes' : 'Attempting to reclaim ephemeral-storage', count: 5, firstSeen: minutesAgo(35) }),
      event({ object: { kind: 'Pod', name: evicted.name, namespace: 'payments' }, reason: 'Evicted', message: evicted.message ?? '', firstSeen: minutesAgo(30), lastSeen: minutesAgo(30) }),
    ],
  });
  ev.nodes = ev.nodes.map((n) => (n.name === NODE_A ? withCondition(n, 'DiskPressure', 'True', 'KubeletHasDiskPressure', 'kubelet has disk pressure', 35) : n));
  return ev;
}

describe('an emptyDir that runs its node out of inodes', () => {
  it('names inodes, not a full disk, when the kubelet says inodes of the writer\'s node (before: "is full … within its sizeLimit")', () => {
    const [f] = analyzeVolumeFull(scenario({ inodes: true }));
    expect(f?.title).toMatch(/inodes/);
    expect(f?.title).toContain('emptyDir spool at /var/lib/app/spool');
    expect(f?.title).toContain(NODE_A);
    expect(f?.title).toMatch(/no sizeLimit/);
    expect(f?.title).not.toMatch(/within its sizeLimit/);
    expect(f?.likelyCause).toMatch(/small files/);
    expect(f?.nextAction).toMatch(/sizeLimit/);
    expect(f?.nextAction).toMatch(/number of files|file count|entr/);
    expect(f?.evidence.join('\n')).toContain('Attempting to reclaim inodes');
    // The emptyDir began empty with the pod: the fill, and the search for its trigger, start there.
    expect(f?.onset).toBe(minutesAgo(ROLLED_OUT - 2));
    expect(f?.buildsUp).toBeDefined();
  });

  it('keeps the plain full-disk words when the kubelet speaks of bytes', () => {
    const [f] = analyzeVolumeFull(scenario({ inodes: false }));
    expect(f?.title).not.toMatch(/inode/);
    expect(f?.onset).toBeUndefined();
  });

  it('heads the verdict with inodes and the revision that added the emptyDir, not "no change found"', () => {
    const r = buildTriageReport(scenario({ inodes: true }), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/inodes/);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).not.toMatch(/no change found|not the rollout|not the cause/);
    // The change named is the mount that began the writes, not the image bump beside it.
    expect(r.headline).toContain('revision 7 (4h ago: volumes: (none) → "spool:emptyDir")');
    expect(r.findings.find((f) => f.kind === 'volume-full')?.affected?.pods).toContain(podName(REV7.hash, 0));
  });

  it('tells the node and its evictions with the workload\'s own emptyDir as the likely consumer, not its pods as victims', () => {
    const ev = scenario({ inodes: true });
    const node = analyzeNodeConditions(ev).find((f) => f.affected?.nodes?.includes(NODE_A));
    expect(node?.title).toContain('likely consumer: payment-service\'s own emptyDir spool (/var/lib/app/spool, no sizeLimit)');
    expect(node?.likelyCause).not.toMatch(/victims, not the cause/);
    expect(node?.fix).toMatch(/number of files/);
    const [evicted] = analyzeEvictions(ev);
    expect(evicted?.likelyCause).toContain('mount emptyDir spool (/var/lib/app/spool) with no sizeLimit');
    expect(evicted?.likelyCause).not.toMatch(/victims, not the cause/);
  });

  it('keeps the evicted pods as victims when their own emptyDir writes do not fail', () => {
    const ev = scenario({ inodes: true });
    ev.logs = [];
    expect(analyzeEvictions(ev)[0]?.likelyCause).toMatch(/victims, not the cause/);
    expect(analyzeNodeConditions(ev).find((f) => f.affected?.nodes?.includes(NODE_A))?.title).not.toMatch(/likely consumer/);
  });
});
