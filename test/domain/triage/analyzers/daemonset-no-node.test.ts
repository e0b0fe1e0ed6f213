import { describe, expect, it } from 'vitest';
import { analyzeDaemonSetNoNode } from '../../../../src/domain/triage/analyzers/daemonset-no-node.js';
import { analyzeDaemonSetCoverage } from '../../../../src/domain/triage/analyzers/daemonset-coverage.js';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import type { NodeEvidence, PlacementEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, baseEvidence, endpointSlice, event, minutesAgo, node, revision, service, workload } from '../scenarios/builders.js';

const NAME = 'log-agent';
const eksNode = (name: string, over: Partial<NodeEvidence> = {}): NodeEvidence =>
  node(name, { labels: { 'kubernetes.io/os': 'linux', 'eks.amazonaws.com/nodegroup': 'general', 'topology.kubernetes.io/zone': 'eu-west-1a', 'node.kubernetes.io/instance-type': 'm6i.xlarge' }, ...over });
const placed = (nodeSelector: Record<string, string>, over: Partial<PlacementEvidence> = {}): PlacementEvidence => ({ nodeSelector, requiredNodeAffinity: [], tolerations: [], ...over });
const template = (placement: PlacementEvidence) => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement });

/** A log agent DaemonSet whose revision 9 (25m ago) added a nodeSelector label no node carries: desired 0, no pod, its pods deleted. */
function noMatchingNode(over: { placement?: PlacementEvidence; nodes?: NodeEvidence[]; desired?: number } = {}): TriageEvidence {
  const before = placed({ 'kubernetes.io/os': 'linux' });
  const after = over.placement ?? placed({ 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '' });
  const desired = over.desired ?? 0;
  return baseEvidence({
    target: { service: NAME, namespace: 'logging', kind: 'DaemonSet', name: NAME },
    workload: { ...workload({ specReplicas: desired, replicas: desired, readyReplicas: desired, availableReplicas: desired, updatedReplicas: desired, selector: { app: NAME }, templateLabels: { app: NAME } }), kind: 'DaemonSet', name: NAME, namespace: 'logging', templatePlacement: after, currentRevision: 9 },
    pods: [],
    revisions: [
      revision({ revision: 8, hash: 'log-agent-6f8d9c7b5' }, minutesAgo(40 * 24 * 60), { template: template(before) }),
      revision({ revision: 9, hash: 'log-agent-7c5b8d6f4' }, minutesAgo(25), { template: template(after) }),
    ],
    events: [NODE_A, NODE_B, NODE_C].map((n, i) =>
      event({ object: { kind: 'DaemonSet', name: NAME, namespace: 'logging' }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${NAME}-${['x7kqp', 'b4zrt', 'm2wcn'][i]}`, firstSeen: minutesAgo(24.9), lastSeen: minutesAgo(24.9), source: 'daemonset-controller' }),
    ),
    services: [service({ name: NAME, selector: { app: NAME } })],
    endpointSlices: [endpointSlice(NAME, [])],
    hpas: [],
    nodes: [],
    clusterNodes: over.nodes ?? [eksNode(NODE_A), eksNode(NODE_B), eksNode(NODE_C)],
  });
}

describe('analyzeDaemonSetNoNode', () => {
  it('names the nodeSelector label no node carries, desired 0, and the revision that added it', () => {
    const [f, ...rest] = analyzeDaemonSetNoNode(noMatchingNode());
    expect(rest).toEqual([]);
    expect(f?.title).toBe(`${NAME} runs on no node: desiredNumberScheduled 0, its nodeSelector node-role.kubernetes.io/worker="" matches none of the 3 nodes`);
    expect(f?.evidence).toContain('revision 9 (25m ago) added nodeSelector node-role.kubernetes.io/worker=""; revision 8 did not have it');
    expect(f?.evidence).toContain('nodes: 3; none carries node-role.kubernetes.io/worker');
    expect(f?.fix).toBe('remove the nodeSelector entry node-role.kubernetes.io/worker="" (or select on a label the nodes carry)');
    expect(f?.onset).toBe(minutesAgo(25));
    expect(f?.affected).toEqual({ services: [NAME] });
  });

  it('headlines the selector and the revision, with no replica count to scale back', () => {
    const report = buildTriageReport(noMatchingNode(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/node-role\.kubernetes\.io\/worker/);
    expect(report.headline).toMatch(/revision 9/);
    expect(report.headline).toMatch(/Roll back to revision 8, or remove the nodeSelector entry/);
    expect(report.headline).not.toMatch(/scale|replicas/i);
  });

  it('dates the selector in its title when a later revision came after the one that added it', () => {
    const ev = noMatchingNode();
    const [, added] = ev.revisions;
    ev.revisions.push(revision({ revision: 10, hash: 'log-agent-5d4c3b2a1' }, minutesAgo(10), { template: added!.template! }));
    const [f] = analyzeDaemonSetNoNode(ev);
    expect(f?.title).toContain('(added by revision 9, 25m ago)');
    expect(f?.datesChange).toBe(true);
  });

  it('names the required node affinity requirement no node meets', () => {
    const affinity = placed({}, { requiredNodeAffinity: [[{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['c7g.2xlarge'] }]] });
    const [f] = analyzeDaemonSetNoNode(noMatchingNode({ placement: affinity }));
    expect(f?.title).toBe(`${NAME} runs on no node: desiredNumberScheduled 0, its required node affinity node.kubernetes.io/instance-type=c7g.2xlarge matches none of the 3 nodes (nodes have node.kubernetes.io/instance-type=m6i.xlarge)`);
  });

  it('names the taint when the nodes its selector admits all carry one it does not tolerate, and not the cordon it tolerates by design', () => {
    const tainted = (n: string) => eksNode(n, { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] });
    const cordoned = eksNode(NODE_C, { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, { key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] });
    const ev = noMatchingNode({ placement: placed({ 'kubernetes.io/os': 'linux' }), nodes: [tainted(NODE_A), tainted(NODE_B), cordoned] });
    const [f] = analyzeDaemonSetNoNode(ev);
    expect(f?.title).toBe(`${NAME} runs on no node: desiredNumberScheduled 0, the 3 nodes its nodeSelector admits carry taint dedicated=batch:NoSchedule, which it does not tolerate`);
    expect(f?.fix).toBe('add a toleration for dedicated=batch:NoSchedule');
    // One story: the coverage check (a DaemonSet that runs, missing from some nodes) leaves a DaemonSet that runs nowhere to this one.
    expect(analyzeDaemonSetCoverage(ev)).toEqual([]);
  });

  it('stays silent when the DaemonSet wants pods, and for other workloads', () => {
    expect(analyzeDaemonSetNoNode(noMatchingNode({ desired: 3 }))).toEqual([]);
    expect(analyzeDaemonSetNoNode(baseEvidence({ workload: workload({ specReplicas: 0 }) }))).toEqual([]);
  });
});

describe('analyzeUnreadyReplicas on a DaemonSet that wants no pod', () => {
  it('never calls it scaled to 0 replicas: a DaemonSet has no replica count', () => {
    const claims = analyzeUnreadyReplicas(noMatchingNode()).map((f) => `${f.title} ${f.fix ?? ''} ${f.nextAction}`).join('\n');
    expect(claims).not.toMatch(/scaled to 0|kubectl scale/);
  });
});
