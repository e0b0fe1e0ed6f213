import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence, PlacementEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { APP, IMAGE_V15, REV6, REV7, baseEvidence, container, event, minutesAgo, node, pod, revision, revisionContainer, unscheduledPod, workload } from '../scenarios/builders.js';

const HOST = 'kubernetes.io/hostname';
const MESSAGE = "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.";
const SCALE_UP = "pod didn't trigger scale-up: 3 node(s) didn't match Pod's node affinity/selector, 1 max node group size reached";

const placement: PlacementEvidence = {
  nodeSelector: { role: 'edge' },
  requiredNodeAffinity: [],
  tolerations: [{ key: 'edge', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
  requiredPodAntiAffinity: [{ matchLabels: { app: APP }, matchExpressions: [], topologyKey: HOST }],
};

const edge = ['edge-1', 'edge-2', 'edge-3'].map((n) => node(n, { labels: { role: 'edge', [HOST]: n }, taints: [{ key: 'edge', value: 'true', effect: 'NoSchedule' }] }));
const general = ['gen-1', 'gen-2', 'gen-3'].map((n) => node(n, { labels: { role: 'general', [HOST]: n } }));

interface Setup {
  maxSurge?: string;
  maxUnavailable?: string;
  /** The old pods, by the node each runs on. */
  oldOn?: string[];
  /** The pending pod's revision. */
  pendingHash?: string;
  nodes?: NodeEvidence[];
}

/** Three replicas, one per edge node by required anti-affinity; revision 7's surge pod waits. */
function surgeOnFullPool(s: Setup = {}): TriageEvidence {
  const old: PodEvidence[] = (s.oldOn ?? ['edge-1', 'edge-2', 'edge-3']).map((n, i) => pod(i, { nodeName: n, placement }));
  const pending = unscheduledPod(3, MESSAGE, 48, { revisionHash: s.pendingHash ?? REV7.hash, placement, containers: [container({ image: IMAGE_V15, state: undefined, ready: false })] });
  const nodes = s.nodes ?? [...edge, ...general];
  return baseEvidence({
    workload: workload({
      specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7,
      rolloutSettings: { strategy: 'RollingUpdate', maxSurge: s.maxSurge ?? '1', maxUnavailable: s.maxUnavailable ?? '0' },
    }),
    pods: [...old, pending],
    revisions: [
      revision(REV6, minutesAgo(19 * 24 * 60), { replicas: 3 }),
      revision(REV7, minutesAgo(48), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    nodes: nodes.filter((n) => old.some((p) => p.nodeName === n.name)),
    clusterNodes: nodes,
    hpas: [],
    events: [
      event({ object: { kind: 'Pod', name: pending.name, namespace: 'payments' }, reason: 'FailedScheduling', message: MESSAGE, count: 29, firstSeen: minutesAgo(48), lastSeen: minutesAgo(2), source: 'default-scheduler' }),
      event({ object: { kind: 'Pod', name: pending.name, namespace: 'payments' }, reason: 'NotTriggerScaleUp', message: SCALE_UP, count: 31, firstSeen: minutesAgo(47), lastSeen: minutesAgo(1), source: 'cluster-autoscaler' }),
    ],
  });
}

describe('a surge pod that fits nowhere: required anti-affinity on a pool its own old pods fill, with maxUnavailable 0', () => {
  it('names the strategy, the topology key and the count, and advises maxUnavailable 1 / maxSurge 0, not a rollback', () => {
    const ev = surgeOnFullPool();
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toMatch(/maxSurge 1, maxUnavailable 0/);
    expect(f?.title).toContain(HOST);
    expect(f?.title).toMatch(/all 3 nodes the pods may use hold an old pod \(3 replicas\)/);
    expect(f?.evidence.join('\n')).toMatch(/edge-1.*edge-2.*edge-3/);
    expect(f?.nextAction).toMatch(/maxUnavailable 1 and maxSurge 0/);
    expect(f?.nextAction).toMatch(/max node group size reached/);
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toMatch(/maxUnavailable 0/);
    expect(d?.headline).not.toMatch(/Roll back to/);
    expect(d?.action).toMatch(/maxUnavailable 1 and maxSurge 0/);
  });

  it('resolves percentages the way the controller does (maxUnavailable rounds down, maxSurge up)', () => {
    const [f] = analyzeFailedScheduling(surgeOnFullPool({ maxSurge: '25%', maxUnavailable: '25%' }));
    expect(f?.title).toMatch(/maxSurge 25% \(1 of 3\), maxUnavailable 25% \(0 of 3\)/);
  });

  it('claims no deadlock when maxUnavailable lets an old pod go first', () => {
    const [f] = analyzeFailedScheduling(surgeOnFullPool({ maxUnavailable: '1' }));
    expect(f?.title).not.toMatch(/maxSurge/);
  });

  it('claims no deadlock when a node the pods may use holds no pod of the workload (something else fills it)', () => {
    const [f] = analyzeFailedScheduling(surgeOnFullPool({ oldOn: ['edge-1', 'edge-2'] }));
    expect(f?.title).not.toMatch(/maxSurge/);
  });

  it('claims no deadlock when the pending pod is of the same revision as the running ones (a scale-up, not a rollout)', () => {
    const [f] = analyzeFailedScheduling(surgeOnFullPool({ pendingHash: REV6.hash }));
    expect(f?.title).not.toMatch(/maxSurge/);
  });

  it('claims no deadlock when the cluster nodes were not read', () => {
    const ev = surgeOnFullPool();
    ev.clusterNodes = [];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).not.toMatch(/maxSurge/);
  });
});
