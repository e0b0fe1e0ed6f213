// Pods Pending for "Insufficient memory" on nodes whose allocatable is a small part of their
// capacity: the kubelet's reservations (kube-reserved, system-reserved, eviction threshold) hold
// the rest, so adding more such nodes gives the same small room. The nodes' kubelet config is the
// cause, named in the title; a normal reservation (a few percent) changes nothing.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, event, minutesAgo, node, pod, unscheduledPod } from '../scenarios/builders.js';

const MSG = "0/6 nodes are available: 3 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.";
const NOT_TRIGGERED = "pod didn't trigger scale-up: 3 node(s) didn't match Pod's node affinity/selector, 1 max node group size reached";

function poolNode(name: string, allocatableMemory: string): NodeEvidence {
  return node(name, {
    labels: { 'eks.amazonaws.com/nodegroup': 'batch-v3', workload: 'batch' },
    allocatable: { cpu: '7910m', memory: allocatableMemory, pods: '58' },
    capacity: { cpu: '8', memory: '64886516Ki', pods: '58' },
  });
}

function scene(allocatableMemory: string) {
  const big = container({ resources: { requests: { cpu: '500m', memory: '3Gi' }, limits: { memory: '3Gi' } } });
  const placement = { nodeSelector: { workload: 'batch' }, requiredNodeAffinity: [], tolerations: [] };
  const pool = ['n1', 'n2', 'n3'].map((n) => poolNode(`batch-${n}`, allocatableMemory));
  const others = ['g1', 'g2', 'g3'].map((n) => node(`general-${n}`, { labels: { 'eks.amazonaws.com/nodegroup': 'general' } }));
  const placed = [0, 1, 2].map((i) => pod(i, { nodeName: pool[i]?.name ?? '', containers: [big], placement }));
  const pending = [3, 4].map((i) => unscheduledPod(i, MSG, 20, { containers: [{ ...big, state: undefined, ready: false }], placement }));
  const events = pending.flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: MSG, count: 6, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: NOT_TRIGGERED, count: 9, firstSeen: minutesAgo(19), lastSeen: minutesAgo(0.5), source: 'cluster-autoscaler' }),
  ]);
  return baseEvidence({ pods: [...placed, ...pending], events, nodes: pool, clusterNodes: [...pool, ...others] });
}

describe('pods Pending on nodes whose kubelet reserves most of their memory', () => {
  it('names the node pool, its allocatable against its capacity and the kubelet reservations, and fixes the kubelet config', () => {
    const [f] = analyzeFailedScheduling(scene('6063860Ki'));
    expect(f?.title).toContain('node pool batch-v3: allocatable memory 5.8Gi of 61.9Gi capacity per node (9%)');
    expect(f?.title).toMatch(/kube-reserved/);
    expect(f?.fix).toMatch(/kube-reserved|system-reserved/);
    expect(f?.fix).not.toMatch(/raise the node group maximum|add (nodes|capacity)/i);
    expect(f?.decisive).toMatch(/allocatable memory 6063860Ki of capacity 64886516Ki/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('keeps the autoscaler reading when the reservation is the usual few percent', () => {
    const [f] = analyzeFailedScheduling(scene('63000000Ki'));
    expect(f?.title).not.toMatch(/reserv/);
    expect(f?.fix).toMatch(/node group maximum/);
  });
});

describe('pods Pending under a RuntimeClass whose pod overhead the scheduler adds to their requests', () => {
  it('counts request + overhead, names the RuntimeClass and the overhead, and does not blame the reservations', () => {
    const ev = scene('30000000Ki');
    for (const p of ev.pods) {
      p.runtimeClassName = 'sandboxed-vm';
      p.overhead = { cpu: '250m', memory: '1Gi' };
    }
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toContain('each pod needs 4Gi memory: its 3Gi request plus the 1Gi pod overhead of RuntimeClass sandboxed-vm (spec.overhead cpu 250m, memory 1Gi)');
    expect(f?.title).not.toMatch(/kube-reserved/);
    expect(f?.likelyCause).not.toMatch(/kubelet configuration error/);
    expect(f?.fix).toMatch(/request \+ overhead \(4Gi per pod\)/);
    expect(f?.evidence).toContain('the scheduler fits each pod with its containers\' requests plus the overhead: 3Gi + 1Gi = 4Gi memory');
  });
});
