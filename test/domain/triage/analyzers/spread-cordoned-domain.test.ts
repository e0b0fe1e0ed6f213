import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence, TopologySpreadEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, event, minutesAgo, node, pod, unscheduledPod } from '../scenarios/builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const MESSAGE = "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

/** One node per zone; the zone-c node is cordoned; two pods run in each of zones a and b. */
function spreadWithCordonedZone(over: { spread?: Partial<TopologySpreadEvidence>; cordonC?: boolean; podsInC?: number } = {}): TriageEvidence {
  const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], topologySpread: [{ topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule' as const, maxSkew: 1, ...over.spread }] };
  const cordonC = over.cordonC ?? true;
  const nodes: NodeEvidence[] = [
    node('worker-a1', { labels: { [ZONE]: 'zone-a' } }),
    node('worker-b1', { labels: { [ZONE]: 'zone-b' } }),
    node('worker-c1', { labels: { [ZONE]: 'zone-c' }, unschedulable: cordonC, taints: cordonC ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] : [] }),
  ];
  const onNodes = ['worker-a1', 'worker-a1', 'worker-b1', 'worker-b1', ...Array.from({ length: over.podsInC ?? 0 }, () => 'worker-c1')];
  const placed = onNodes.map((n, i) => pod(i, { nodeName: n, placement }));
  const waiting = [7, 8].map((i) => unscheduledPod(i, MESSAGE, 20, { placement }));
  return baseEvidence({
    pods: [...placed, ...waiting],
    nodes,
    clusterNodes: nodes,
    events: [
      ...waiting.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'FailedScheduling', message: MESSAGE, count: 6, firstSeen: minutesAgo(20), lastSeen: minutesAgo(2), source: 'default-scheduler' })),
      event({ object: { kind: 'Node', name: 'worker-c1' }, type: 'Normal', reason: 'NodeNotSchedulable', message: 'Node worker-c1 status is now: NodeNotSchedulable', count: 1, firstSeen: minutesAgo(125), lastSeen: minutesAgo(125), source: 'kubelet' }),
    ],
  });
}

describe('pods spread over zones while one zone holds only cordoned nodes', () => {
  it('names the zone and its cordoned node as the domain holding the minimum, and advises uncordoning or Honor', () => {
    const [f] = analyzeFailedScheduling(spreadWithCordonedZone());
    expect(f?.title).toContain('the only node of zone zone-c, worker-c1, was cordoned 2h 5m ago');
    expect(f?.title).toContain('maxSkew 1 bars zone-a, zone-b');
    expect(f?.evidence).toContain('pods of the workload per zone: zone-c 0, zone-a 2, zone-b 2; zone zone-c can take none (worker-c1 cordoned 2h 5m ago)');
    expect(f?.likelyCause).toMatch(/nodeTaintsPolicy Ignore/);
    expect(f?.nextAction).toMatch(/^Uncordon worker-c1/);
    expect(f?.nextAction).toMatch(/nodeTaintsPolicy: Honor/);
  });

  it('blames no cordoned zone when the constraint honors taints', () => {
    const [f] = analyzeFailedScheduling(spreadWithCordonedZone({ spread: { nodeTaintsPolicy: 'Honor' } }));
    expect(f?.title).not.toContain('cordoned');
  });

  it('blames no cordoned zone when it already holds as many pods as the others', () => {
    const [f] = analyzeFailedScheduling(spreadWithCordonedZone({ podsInC: 2 }));
    expect(f?.title).not.toContain('cordoned');
  });

  it('blames no zone when no node is cordoned', () => {
    const [f] = analyzeFailedScheduling(spreadWithCordonedZone({ cordonC: false }));
    expect(f?.title).not.toContain('cordoned');
  });
});
