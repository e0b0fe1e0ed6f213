import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { NodeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, baseEvidence, event, minutesAgo, node, pod, unscheduledPod } from '../scenarios/builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const MESSAGE = "0/5 nodes are available: 3 node(s) didn't match pod topology spread constraints (missing required label), 2 node(s) were unschedulable. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
const RACK = ['rack7-host-01', 'rack7-host-02', 'rack7-host-03'];

/** Two cordoned zoned nodes, three bare-metal nodes without a zone label; two pods spread over zones wait. */
function spreadOverMissingLabel(when: 'DoNotSchedule' | 'ScheduleAnyway' = 'DoNotSchedule'): TriageEvidence {
  const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], topologySpread: [{ topologyKey: ZONE, whenUnsatisfiable: when, maxSkew: 1 }] };
  const waiting = [3, 4].map((i) => unscheduledPod(i, MESSAGE, 30, { placement }));
  const cordoned: NodeEvidence[] = [node(NODE_A, { unschedulable: true }), node(NODE_B, { unschedulable: true, labels: { [ZONE]: 'eu-west-1b' } })];
  const bare = RACK.map((n) => node(n, { labels: { 'kubernetes.io/hostname': n, 'node-group': 'rack7' } }));
  return baseEvidence({
    pods: [pod(0, { placement }), pod(1, { placement }), ...waiting],
    nodes: cordoned,
    clusterNodes: [...cordoned, ...bare],
    events: waiting.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'FailedScheduling', message: MESSAGE, count: 8, firstSeen: minutesAgo(30), lastSeen: minutesAgo(1), source: 'default-scheduler' })),
  });
}

describe('pods spread over a topology key that nodes lack', () => {
  it('names the key and the schedulable nodes without it, and advises a label or ScheduleAnyway, not capacity', () => {
    const [f] = analyzeFailedScheduling(spreadOverMissingLabel());
    expect(f?.title).toContain(`3 schedulable nodes lack label ${ZONE} (${RACK.join(', ')})`);
    expect(f?.likelyCause).toContain(`whenUnsatisfiable: DoNotSchedule on ${ZONE}`);
    expect(f?.likelyCause).toMatch(/not capacity/i);
    expect(f?.evidence.some((l) => l.includes(`nodes without label ${ZONE}: ${RACK.join(', ')}`))).toBe(true);
    expect(f?.nextAction).toMatch(new RegExp(`^Label ${RACK.join(', ')} with ${ZONE}`));
    expect(f?.nextAction).toContain('ScheduleAnyway');
    expect(f?.nextAction).not.toMatch(/add capacity|add nodes/i);
  });

  it('says nothing of a missing label when every schedulable node carries the key', () => {
    const ev = spreadOverMissingLabel();
    ev.clusterNodes = (ev.clusterNodes ?? []).map((n) => ({ ...n, labels: { ...n.labels, [ZONE]: 'dc1' } }));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).not.toContain('lack label');
    expect(f?.nextAction).toBe('Add capacity in the short zone or relax the constraint to ScheduleAnyway.');
  });
});
