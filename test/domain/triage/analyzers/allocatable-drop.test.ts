// Pods Pending for "Insufficient memory" after a node group was replaced: the new nodes have the
// capacity of the older (cordoned) one but less allocatable, so fewer pods fit on each. The drop in
// allocatable is named in the title; the same allocatable on every generation changes nothing.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, event, minutesAgo, node, pod, unscheduledPod } from '../scenarios/builders.js';

const MSG = "0/7 nodes are available: 1 node(s) were unschedulable, 3 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector.";
const NOT_TRIGGERED = "pod didn't trigger scale-up: 3 node(s) didn't match Pod's node affinity/selector, 1 max node group size reached";

function poolNode(name: string, allocatableMemory: string, createdAgo: number, cordoned = false): NodeEvidence {
  return node(name, {
    labels: { 'eks.amazonaws.com/nodegroup': 'mem-pool', workload: 'mem' },
    allocatable: { cpu: '7910m', memory: allocatableMemory, pods: '58' },
    capacity: { cpu: '8', memory: '32386544Ki', pods: '58' },
    createdAt: minutesAgo(createdAgo),
    unschedulable: cordoned,
  });
}

function scene(newAllocatable: string) {
  const big = container({ resources: { requests: { cpu: '1500m', memory: '14Gi' }, limits: { memory: '14Gi' } } });
  const placement = { nodeSelector: { workload: 'mem' }, requiredNodeAffinity: [], tolerations: [] };
  const fresh = ['n1', 'n2', 'n3'].map((n, i) => poolNode(`mem-${n}`, newAllocatable, 190 - i * 14));
  const old = poolNode('mem-old', '31388080Ki', 64 * 24 * 60, true);
  const others = ['g1', 'g2', 'g3'].map((n) => node(`general-${n}`, { labels: { 'eks.amazonaws.com/nodegroup': 'general' } }));
  const placed = [0, 1, 2].map((i) => pod(i, { nodeName: fresh[i]?.name ?? '', containers: [big], placement }));
  const pending = [3, 4, 5].map((i) => unscheduledPod(i, MSG, 180, { containers: [{ ...big, state: undefined, ready: false }], placement }));
  const events = pending.flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: MSG, count: 30, firstSeen: minutesAgo(180), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: NOT_TRIGGERED, count: 40, firstSeen: minutesAgo(179), lastSeen: minutesAgo(0.5), source: 'cluster-autoscaler' }),
  ]);
  return baseEvidence({ pods: [...placed, ...pending], events, nodes: fresh, clusterNodes: [...fresh, old, ...others] });
}

describe('pods Pending on replacement nodes that keep less allocatable than the ones they replaced', () => {
  it('names the allocatable drop of the new nodes against the older one of the same capacity, and how many pods fit per node', () => {
    const [f] = analyzeFailedScheduling(scene('28766992Ki'));
    expect(f?.title).toContain('the new nodes of node pool mem-pool (created 3h 10m ago) keep allocatable memory 27.4Gi of the same 30.9Gi capacity, 2.5Gi less than older node mem-old (29.9Gi)');
    expect(f?.title).toContain('so 1 pod of 14Gi fits per node instead of 2');
    expect(f?.fix).toMatch(/kube-reserved/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('keeps the autoscaler reading when the new nodes keep as much allocatable as the old one', () => {
    const [f] = analyzeFailedScheduling(scene('31388080Ki'));
    expect(f?.title).not.toMatch(/allocatable/);
    expect(f?.fix).toMatch(/node group maximum/);
  });
});
