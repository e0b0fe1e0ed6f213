import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import { parseSchedulingMessage } from '../../../../src/domain/triage/scheduling-message.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { INSUFFICIENT_MEMORY_AND_TAINT, hpaPendingScenario } from '../scenarios/scheduling.js';

describe('parseSchedulingMessage', () => {
  it('splits the scheduler message into counted reasons and ignores the preemption part', () => {
    expect(parseSchedulingMessage(INSUFFICIENT_MEMORY_AND_TAINT)).toEqual({
      available: 0,
      total: 6,
      reasons: [
        { nodes: 3, category: 'insufficient', detail: 'memory', text: 'Insufficient memory' },
        { nodes: 3, category: 'taint', detail: 'node.kubernetes.io/disk-pressure', text: 'node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }' },
      ],
    });
  });

  it('keeps the older "had taint {…}, that the pod didn\'t tolerate" form in one piece', () => {
    const parsed = parseSchedulingMessage("0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/control-plane: }, that the pod didn't tolerate, 2 Insufficient cpu.");
    expect(parsed.reasons.map((r) => [r.nodes, r.category, r.detail])).toEqual([
      [1, 'taint', 'node-role.kubernetes.io/control-plane'],
      [2, 'insufficient', 'cpu'],
    ]);
  });

  it.each([
    ['0/5 nodes are available: 5 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.', 'node-affinity'],
    ['0/3 nodes are available: 3 pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', 'unbound-pvc'],
    ['0/4 nodes are available: 4 node(s) didn\'t match pod anti-affinity rules. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.', 'pod-affinity'],
    ['0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', 'volume-zone'],
    ['0/3 nodes are available: 3 node(s) exceed max volume count. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', 'volume-limit'],
  ])('classifies %s', (message, category) => {
    expect(parseSchedulingMessage(message).reasons[0]?.category).toBe(category);
  });
});

describe('analyzeFailedScheduling', () => {
  it('reports Pending pods with the scheduler reasons, the collapsed events and the HPA that wants them', () => {
    const [f] = analyzeFailedScheduling(hpaPendingScenario());
    expect(f?.title).toBe('4 pods Pending, 0/6 nodes available: 3 Insufficient memory, 3 untolerated taint node.kubernetes.io/disk-pressure (HPA wants 12)');
    expect(f?.layer).toBe('capacity');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence[0]).toMatch(/^FailedScheduling ×448 over 11m: 0\/6 nodes are available/);
    expect(f?.evidence).toContain('HPA payment-service wants 12 replicas (max 12); 8 are placed');
    expect(f?.evidence).toContain('each pod requests 250m CPU, 512Mi memory');
    expect(f?.evidence.some((l) => l.includes("max node group size reached"))).toBe(true);
    expect(f?.affected?.pods).toHaveLength(4);
  });

  it('says a pod larger than any node fits nowhere, and does not advise adding nodes of the same size', () => {
    const ev = hpaPendingScenario('0/6 nodes are available: 6 Insufficient memory.');
    ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, containers: p.containers.map((c) => ({ ...c, resources: { requests: { cpu: '1', memory: '24Gi' }, limits: { memory: '24Gi' } } })) } : p));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toBe('4 pods Pending: each requests 24Gi memory (the largest node offers 14.4Gi), more than any node can offer');
    expect(f?.evidence).toContain('each pod requests more than any node can offer: 24Gi memory (the largest node offers 14.4Gi)');
    expect(f?.nextAction).toBe('Lower the request to what a node can offer, or add a node group with larger nodes.');
    expect(f?.likelyCause).toMatch(/more nodes of the same size will not help/);
  });

  it('names the one node a DaemonSet pod may run on and the host port taken there, not the other nodes\' affinity', () => {
    const node = 'ip-10-0-131-31.eu-west-1.compute.internal';
    const ev = hpaPendingScenario("0/4 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 3 node(s) didn't match Pod's node affinity/selector.");
    ev.hpas = [];
    ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], pinnedNode: node } } : p));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toContain(`Pending (pinned to node ${node}), 0/4 nodes available`);
    expect(f?.likelyCause).toMatch(/^Another pod on the node already binds the same hostPort/);
    expect(f?.nextAction).toBe(`Find the pod that holds the port on ${node} (\`kubectl get pods -A -o wide --field-selector spec.nodeName=${node}\`), and remove the duplicate or move one of them to another port.`);
    expect(f?.evidence).toContain(`the pod may only run on ${node}, where another pod holds the host port it asks for`);
  });

  it('names the pod that holds the host port on that node, when the node\'s pods were read', () => {
    const node = 'ip-10-0-131-31.eu-west-1.compute.internal';
    const ev = hpaPendingScenario("0/4 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 3 node(s) didn't match Pod's node affinity/selector.");
    ev.hpas = [];
    ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], pinnedNode: node } } : p));
    ev.portHolders = [{ node, hostPort: 9100, namespace: 'monitoring', pod: 'kps-prometheus-node-exporter-7xk2q', owner: 'DaemonSet kps-prometheus-node-exporter' }];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.evidence).toContain(`hostPort 9100 on ${node} is held by pod monitoring/kps-prometheus-node-exporter-7xk2q (DaemonSet kps-prometheus-node-exporter)`);
    expect(f?.likelyCause).toMatch(/^Pod monitoring\/kps-prometheus-node-exporter-7xk2q of DaemonSet kps-prometheus-node-exporter already binds hostPort 9100/);
  });

  it('says a DaemonSet pod\'s node is full of pods (its allocatable pods) and that a priority class lets it preempt', () => {
    const node = 'ip-10-0-132-58.eu-west-1.compute.internal';
    const ev = hpaPendingScenario("0/5 nodes are available: 1 Too many pods, 4 node(s) didn't match Pod's node affinity/selector.");
    ev.hpas = [];
    ev.clusterNodes = [{ name: node, conditions: [], taints: [], allocatable: { cpu: '1930m', memory: '3388Mi', pods: '17' }, unschedulable: false }];
    ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], pinnedNode: node } } : p));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.evidence).toContain(`the pods may only run on their node, which is full: ${node} allows 17 pods`);
    expect(f?.nextAction).toMatch(/^For a DaemonSet, give it a high priority class \(system-node-critical\)/);
  });

  it('says a Deployment\'s pods wait for nodes full of pods, with each node\'s pod limit, and gives no DaemonSet advice', () => {
    const ev = hpaPendingScenario('0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.');
    ev.nodes = ['a', 'b', 'c'].map((x) => ({ name: `node-${x}`, conditions: [], taints: [], allocatable: { cpu: '1930m', memory: '3388Mi', pods: '17' }, unschedulable: false, labels: { 'node.kubernetes.io/instance-type': 'small.2' } }));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.evidence).toContain('each node allows only so many pods (allocatable pods): node-a 17, node-b 17, node-c 17 (instance type small.2)');
    expect(f?.nextAction).not.toMatch(/DaemonSet/);
    expect(f?.nextAction).toMatch(/^Mitigate: add nodes, or nodes that allow more pods each \(a larger instance type, or a higher max-pods setting/);
    expect(f?.title).toMatch(/3 Too many pods \(each node allows 17 pods: small\.2\)/);
  });

  it('says a node at its volume attach limit refuses pods with volumes though CPU and memory are free', () => {
    const ev = hpaPendingScenario('0/6 nodes are available: 6 node(s) exceed max volume count.');
    ev.hpas = [];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.likelyCause).toMatch(/^The node already has as many volumes attached as its attach limit allows/);
    expect(f?.nextAction).toMatch(/^Free attachment slots \(move pods with volumes off the node\) or add nodes/);
  });

  it('does not report pods that were created seconds ago', () => {
    const ev = hpaPendingScenario();
    ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, createdAt: '2026-11-21T03:13:40Z' } : p));
    expect(analyzeFailedScheduling(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeFailedScheduling(healthyScenario())).toEqual([]);
  });
});
