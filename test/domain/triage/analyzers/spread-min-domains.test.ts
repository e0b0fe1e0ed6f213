import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, event, minutesAgo, node, pod, unscheduledPod } from '../scenarios/builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const MESSAGE = "0/4 nodes are available: 4 node(s) didn't match pod topology spread constraints. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.";

/** Four nodes in two zones; pods spread over zones with minDomains 3 wait. */
function spreadWithMinDomains(minDomains: number | undefined, zones = ['z-a', 'z-a', 'z-b', 'z-b']): TriageEvidence {
  const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], topologySpread: [{ topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule' as const, maxSkew: 2, ...(minDomains !== undefined ? { minDomains } : {}) }] };
  const waiting = [4, 5].map((i) => unscheduledPod(i, MESSAGE, 9, { placement }));
  const nodes: NodeEvidence[] = zones.map((z, i) => node(`node-${i}`, { labels: { [ZONE]: z } }));
  return baseEvidence({
    pods: [0, 1, 2, 3].map((i) => pod(i, { placement })).concat(waiting),
    nodes,
    clusterNodes: nodes,
    events: waiting.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'FailedScheduling', message: MESSAGE, count: 8, firstSeen: minutesAgo(9), lastSeen: minutesAgo(1), source: 'default-scheduler' })),
  });
}

describe('pods spread with minDomains over fewer domains than it asks', () => {
  it('states the constraint and says minDomains exceeds the zones the nodes span, advising minDomains, not capacity', () => {
    const [f] = analyzeFailedScheduling(spreadWithMinDomains(3));
    expect(f?.title).toContain('minDomains 3 but the nodes span 2 zones (z-a, z-b)');
    expect(f?.evidence).toContain(`the pods' topology spread constraint: topologyKey ${ZONE}, maxSkew 2, whenUnsatisfiable DoNotSchedule, minDomains 3`);
    expect(f?.likelyCause).toMatch(/global minimum as 0/);
    expect(f?.nextAction).toMatch(/^Set minDomains to 2/);
  });

  it('states the constraint but claims no domain shortage when the nodes span enough zones', () => {
    const [f] = analyzeFailedScheduling(spreadWithMinDomains(3, ['z-a', 'z-b', 'z-c', 'z-c']));
    expect(f?.evidence.some((l) => l.includes('minDomains 3'))).toBe(true);
    expect(f?.title).not.toContain('minDomains');
    expect(f?.nextAction).toBe('Add capacity in the short zone or relax the constraint to ScheduleAnyway.');
  });

  it('claims no domain count when the cluster nodes were not read', () => {
    const ev = spreadWithMinDomains(3);
    ev.clusterNodes = [];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).not.toContain('minDomains');
  });
});
