// Pods Pending while the nodes the autoscaler added still carry node.cloudprovider.kubernetes.io/
// uninitialized minutes after turning Ready, and the other nodes are full: the cloud-controller-
// manager never initialized them (no providerID, no InternalIP, no zone labels). The fix is that
// controller, not more nodes (they come up the same way), not the pods' requests, not a quota.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import { analyzePlacement } from '../../../../src/domain/triage/analyzers/placement.js';
import type { NodeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, event, minutesAgo, node, pod, unscheduledPod, withCondition } from '../scenarios/builders.js';

const MSG = '0/5 nodes are available: 2 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}, 3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };

function uninitialized(name: string, readyFor: number): NodeEvidence {
  const n = node(name, { createdAt: minutesAgo(readyFor + 1), taints: [{ key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' }], labels: { 'kubernetes.io/hostname': name }, addresses: [{ type: 'Hostname', address: name }] });
  return withCondition(n, 'Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', readyFor);
}

function scene(readyFor: number) {
  const fresh = [uninitialized('pool-k4tz', readyFor), uninitialized('pool-w9qe', readyFor)];
  const old = [NODE_A, NODE_B, NODE_C].map((n) => node(n, { providerID: `aws:///eu-west-1a/i-0${n.length}ab`, addresses: [{ type: 'InternalIP', address: '10.1.2.3' }, { type: 'Hostname', address: n }] }));
  const pending = [5, 6, 7].map((i) => unscheduledPod(i, MSG, readyFor + 3, { placement }));
  const events = pending.flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: MSG, count: 9, firstSeen: minutesAgo(readyFor + 3), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{pool-grp 3->5 (max: 10)}]', count: 1, firstSeen: minutesAgo(readyFor + 2), lastSeen: minutesAgo(readyFor + 2), source: 'cluster-autoscaler' }),
  ]);
  return baseEvidence({ pods: [pod(0, { placement }), pod(1, { placement }), pod(2, { placement }), ...pending], events, nodes: old, clusterNodes: [...old, ...fresh] });
}

describe('pods waiting for nodes the cloud-controller-manager never initialized', () => {
  it('names the nodes, says they were never initialized and points at the cloud-controller-manager', () => {
    const [f] = analyzeFailedScheduling(scene(15));
    expect(f?.title).toMatch(/pool-k4tz, pool-w9qe/);
    expect(f?.title).toMatch(/never initialized by the cloud-controller-manager/);
    expect(f?.evidence.join('\n')).toMatch(/pool-k4tz[^\n]*Ready for 15m[^\n]*taint node\.cloudprovider\.kubernetes\.io\/uninitialized[^\n]*no providerID, no InternalIP, no zone or instance-type labels/);
    expect(f?.fix).toMatch(/cloud-controller-manager in kube-system/);
    expect(f?.confirmCommands.join('\n')).toMatch(/kubectl get pods -n kube-system[^|\n]*\| grep cloud-controller/);
  });

  it('advises neither more nodes, nor other requests, nor a quota', () => {
    const [f] = analyzeFailedScheduling(scene(15));
    const said = `${f?.title}\n${f?.likelyCause}\n${f?.nextAction}\n${f?.fix}`;
    expect(f?.fix).not.toMatch(/^add nodes/i);
    expect(said).not.toMatch(/quota/i);
    expect(said).not.toMatch(/(raise|increase|lower|reduce)[^\n]{0,30}requests?/i);
  });

  it('leaves nodes Ready for less than five minutes to the scale-up reading: the controller may not have got to them', () => {
    const [f] = analyzeFailedScheduling(scene(2));
    expect(`${f?.title} ${f?.fix}`).not.toMatch(/cloud-controller/);
  });
});

describe('pods whose only nodes are all uninitialized (a new node pool)', () => {
  const ONLY = '0/2 nodes are available: 2 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
  function pool(readyFor: number) {
    const nodes = ['pool-a1', 'pool-a2'].map((n) => uninitialized(n, readyFor));
    const pending = [5, 6].map((i) => unscheduledPod(i, ONLY, readyFor + 3, { placement }));
    const events = pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: ONLY, count: 9, firstSeen: minutesAgo(readyFor + 3), lastSeen: minutesAgo(1), source: 'default-scheduler' }));
    return baseEvidence({ pods: pending, events, nodes: [], clusterNodes: nodes });
  }

  it('the placement reading names the cloud-controller-manager, not the nodes\' repair or more nodes', () => {
    const [f] = analyzePlacement(pool(29));
    expect(f?.title).toMatch(/pool-a1, pool-a2 \(Ready 29m\) never initialized by the cloud-controller-manager/);
    expect(f?.fix).toMatch(/cloud-controller-manager in kube-system/);
    expect(f?.fix).not.toMatch(/add healthy nodes|repair/);
  });

  it('keeps the nodes\' state reading while they only just turned Ready', () => {
    const [f] = analyzePlacement(pool(2));
    expect(f?.fix ?? '').not.toMatch(/cloud-controller/);
  });
});
