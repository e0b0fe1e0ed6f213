import { describe, expect, it } from 'vitest';
import { analyzeRolloutHold } from '../../../../src/domain/triage/analyzers/rollout-hold.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  NODE_A, NODE_B, NODE_C, NOW, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, node, pod, revision, terminated, withCondition, workload,
} from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const NODE_D = 'ip-10-0-4-88.eu-west-1.compute.internal';
const NODES = [NODE_A, NODE_B, NODE_C, NODE_D];

/**
 * A log shipper on four nodes; revision 7 was applied 40 minutes ago (maxUnavailable `maxUnavailable`,
 * no surge) and `updated` pods run it. The pod on NODE_D is unready because its node stopped reporting.
 */
function shipper(opts: { maxUnavailable?: string; maxSurge?: string; updated?: number; newFails?: boolean; nodeUp?: boolean } = {}): TriageEvidence {
  const updated = opts.updated ?? 0;
  const pods = NODES.map((n, i) => {
    const fresh = i < updated;
    const stuck = n === NODE_D;
    const p = pod(i, { name: `log-shipper-${i}`, nodeName: n, revisionHash: fresh ? REV7.hash : REV6.hash, ready: !stuck && !(fresh && opts.newFails) });
    if (fresh && opts.newFails) return { ...p, containers: [crashLooping(p.name, terminated(1, 'Error', 1), 9)] };
    return stuck ? { ...p, containers: [container({ ready: false })] } : p;
  });
  const down = withCondition(node(NODE_D), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 190);
  const nodes = [...[NODE_A, NODE_B, NODE_C].map((n) => node(n)), opts.nodeUp ? node(NODE_D) : down];
  return baseEvidence({
    target: { service: 'log-shipper', namespace: 'logging', kind: 'DaemonSet', name: 'log-shipper' },
    pods,
    nodes,
    hpas: [],
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(40))],
    workload: {
      ...workload({ specReplicas: 4, replicas: 4, readyReplicas: opts.newFails ? 3 - updated : 3, availableReplicas: 3, updatedReplicas: updated, currentRevision: 7 }),
      kind: 'DaemonSet', name: 'log-shipper', rollingUpdate: { maxUnavailable: opts.maxUnavailable ?? '1', maxSurge: opts.maxSurge ?? '0' },
    },
  });
}

describe('a DaemonSet update whose maxUnavailable is spent by an unready pod of the old revision', () => {
  it('says the new revision reached none of the nodes and why, naming maxUnavailable', () => {
    const [f, ...rest] = analyzeRolloutHold(shipper());
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Revision 7 reached 0/4 nodes (none updated): the DaemonSet\'s rolling update (maxUnavailable 1, no surge) counts log-shipper-3, unready on a NotReady node, against that budget and updates no other pod');
    expect(f?.nextAction).toContain(`Deal with node ${NODE_D}`);
    expect(f?.nextAction).toContain('raise maxUnavailable');
  });

  it('puts the hold and its way out in the headline, without advising a rollback', () => {
    const { headline } = buildTriageReport(shipper(), times);
    expect(headline).toContain('revision 7 reached 0/4 nodes (none updated)');
    expect(headline).toMatch(/Deal with node ip-10-0-4-88\S* \(drain and replace it, or delete the Node object/);
    expect(headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('resolves a percentage against the desired count, rounding up as the controller does', () => {
    expect(analyzeRolloutHold(shipper({ maxUnavailable: '10%' }))[0]?.title).toMatch(/reached 0\/4 nodes.*maxUnavailable 10%/);
  });

  it('says nothing when the budget leaves room, when surge is allowed, or when the new revision fails on its own', () => {
    expect(analyzeRolloutHold(shipper({ maxUnavailable: '2' }))).toEqual([]);
    expect(analyzeRolloutHold(shipper({ maxSurge: '1' }))).toEqual([]);
    expect(analyzeRolloutHold(shipper({ updated: 1, newFails: true }))).toEqual([]);
  });

  it('asks to fix the pod, not a node, when the pod is unready on a healthy node', () => {
    const [f] = analyzeRolloutHold(shipper({ nodeUp: true }));
    expect(f?.title).toContain('counts log-shipper-3, unready, against that budget');
    expect(f?.nextAction).toMatch(/^Fix or delete the unready pod \(log-shipper-3\)/);
  });
});
