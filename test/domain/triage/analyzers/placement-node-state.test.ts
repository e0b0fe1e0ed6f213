// Pending pods kept off their nodes by the nodes' own state (a cordon, a node condition's taint),
// not by a toleration they lost: the report says so, names the nodes and clears the rollout.
import { describe, expect, it } from 'vitest';
import { analyzePlacement } from '../../../../src/domain/triage/analyzers/placement.js';
import type { NodeEvidence, PlacementEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, REV6, REV7, baseEvidence, container, minutesAgo, node, pod, revision, revisionContainer, unscheduledPod, workload } from '../scenarios/builders.js';

const NODE_D = 'ip-10-0-4-88.eu-west-1.compute.internal';
const NODE_E = 'ip-10-0-5-12.eu-west-1.compute.internal';
const MESSAGE = "0/5 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 2 node(s) were unschedulable. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";
const CORDON = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
const COMPUTE: PlacementEvidence = { nodeSelector: { 'workload-tier': 'compute' }, requiredNodeAffinity: [], tolerations: [] };

/** Three general nodes and two compute nodes, cordoned as `compute` says. */
function cluster(compute: Partial<NodeEvidence>): NodeEvidence[] {
  return [
    ...[NODE_A, NODE_B, NODE_C].map((n) => node(n)),
    ...[NODE_D, NODE_E].map((n) => node(n, { labels: { 'workload-tier': 'compute' }, ...compute })),
  ];
}

/**
 * Revision 7 rolled out 20 minutes ago (an image bump, no placement change); the two pods of
 * revision 6 keep running on the compute nodes, the two new ones wait.
 */
function rolledOntoCordonedPool(compute: Partial<NodeEvidence> = { unschedulable: true, taints: [CORDON] }): TriageEvidence {
  const old = [0, 1].map((i) => pod(i, { nodeName: i === 0 ? NODE_D : NODE_E, placement: COMPUTE }));
  const waiting = [2, 3].map((i) => unscheduledPod(i, MESSAGE, 20, { revisionHash: REV7.hash, placement: COMPUTE, containers: [container({ state: undefined, ready: false, image: revisionContainer().image.replace('2.14.0', '2.15.0') })] }));
  return baseEvidence({
    pods: [...old, ...waiting],
    clusterNodes: cluster(compute),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 2 }),
      revision(REV7, minutesAgo(20), { replicas: 2, containers: [revisionContainer({ image: revisionContainer().image.replace('2.14.0', '2.15.0') })] }),
    ],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
  });
}

describe('placement on cordoned nodes', () => {
  it('says the nodes the pods may use are cordoned and asks to uncordon them by name, not to add a toleration', () => {
    const [f] = analyzePlacement(rolledOntoCordonedPool());
    expect(f?.title).toBe(`2 pods cannot be placed: the 2 nodes it may use (${NODE_D}, ${NODE_E}) are cordoned (spec.unschedulable)`);
    expect(f?.fix).toContain(`kubectl uncordon ${NODE_D} ${NODE_E} --context prod-eu-west-1`);
    expect(f?.nextAction).not.toMatch(/toleration the pods lost/);
    expect(f?.likelyCause).toMatch(/No toleration is missing/);
    expect(f?.evidence).toContain(`node ${NODE_D}: cordoned (spec.unschedulable: true); taint node.kubernetes.io/unschedulable; 1 of the workload's pods placed before still runs there`);
  });

  it('clears the rollout that merely needed new pods: no rollback in the headline, the cordon named instead', () => {
    const report = buildTriageReport(rolledOntoCordonedPool(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/cordoned/);
    expect(report.headline).toMatch(/revision 7 \(20m ago\) is not the cause/);
    expect(report.headline).toMatch(/Uncordon them/);
    const claims = [report.headline, ...report.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('says the same of a cordon seen only as spec.unschedulable (no taint yet)', () => {
    const [f] = analyzePlacement(rolledOntoCordonedPool({ unschedulable: true }));
    expect(f?.title).toMatch(/are cordoned \(spec\.unschedulable\)$/);
    expect(f?.outsideWorkload).toBe('new pods of any revision wait for the cordoned nodes');
  });

  it('names a node condition\'s taint (memory pressure) as the nodes\' state, not a lost toleration', () => {
    const [f] = analyzePlacement(rolledOntoCordonedPool({ taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }] }));
    expect(f?.title).toMatch(/the 2 nodes it may use are under memory pressure/);
    expect(f?.fix).toMatch(/^repair those nodes/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('still asks for the toleration when an operator\'s taint keeps the pods off one of the nodes', () => {
    const [f] = analyzePlacement(rolledOntoCordonedPool({ taints: [{ key: 'dedicated', value: 'compute', effect: 'NoSchedule' }] }));
    expect(f?.fix).toBe('add the toleration the pods lost, or schedule them where they belong');
    expect(f?.outsideWorkload).toBeUndefined();
  });
});
