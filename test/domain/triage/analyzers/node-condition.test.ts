import { describe, expect, it } from 'vitest';
import { analyzeNodeConditions } from '../../../../src/domain/triage/analyzers/node-condition.js';
import { NODE_C, REV6, baseEvidence, node, podName, withCondition } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { nodeNotReadyScenario } from '../scenarios/nodes.js';

describe('analyzeNodeConditions', () => {
  it('reports a NotReady node with how long, its taints, and the workload pods on it', () => {
    const [f, ...rest] = analyzeNodeConditions(nodeNotReadyScenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe(`Node ${NODE_C} is NotReady (Ready=Unknown, 12m ago); 2 pods of payment-service on it (payment-service-7c9d8f6b5d-q7w2z, not ready; payment-service-7c9d8f6b5d-c9d2f, not ready)`);
    expect(f?.layer).toBe('node/eviction');
    expect(f?.evidence).toContain('Ready=Unknown (NodeStatusUnknown: Kubelet stopped posting node status.) since 12m ago');
    expect(f?.evidence).toContain('taints: node.kubernetes.io/unreachable:NoExecute, node.kubernetes.io/unreachable:NoSchedule');
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 2), podName(REV6.hash, 5)], nodes: [NODE_C] });
    expect(f?.confirmCommands[0]).toBe(`kubectl describe node ${NODE_C} --context prod-eu-west-1`);
    expect(f?.severity).toBe('warning');
  });

  it.each(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'])('reports %s', (type) => {
    const ev = baseEvidence();
    ev.nodes = ev.nodes.map((n) => (n.name === NODE_C ? withCondition(n, type, 'True', 'KubeletHasPressure', 'pressure', 5) : n));
    const [f] = analyzeNodeConditions(ev);
    expect(f?.title).toContain(`has ${type}`);
  });

  it('names a leader Lease still held by a pod lost with the node, the standbys waiting on it, and the Lease to delete', () => {
    const ev = nodeNotReadyScenario();
    const holder = podName(REV6.hash, 2);
    const standby = ev.pods.find((p) => p.nodeName !== NODE_C)?.name ?? '';
    ev.logs = [{ pod: standby, container: 'app', previous: false, lines: [
      'I1121 02:30:00.100000       1 leaderelection.go:254] attempting to acquire leader lease payments/payment-worker...',
      `I1121 03:05:00.100000       1 leaderelection.go:354] lock is held by ${holder} and has not yet expired`,
      `{"level":"info","msg":"standing by; not the leader","holder":"${holder}","leaseDurationSeconds":3600}`,
      'I1121 03:05:00.110000       1 leaderelection.go:259] failed to acquire lease payments/payment-worker',
    ] }];
    const [f] = analyzeNodeConditions(ev);
    expect(f?.title).toMatch(new RegExp(`^The leader lease payments/payment-worker is still held by ${holder}, which died with node ${NODE_C} .*leaseDuration \\(3600s\\).*up to 1h with no leader`));
    expect(f?.fix).toMatch(/^delete the Lease payments\/payment-worker \(kubectl delete lease payment-worker -n payments\)/);
    expect(f?.nextAction).toMatch(/force-deleting the dead pod does not release the Lease/);
  });

  it('leaves the node finding as it is when a standby has since taken the Lease', () => {
    const ev = nodeNotReadyScenario();
    const standby = ev.pods.find((p) => p.nodeName !== NODE_C)?.name ?? '';
    ev.logs = [{ pod: standby, container: 'app', previous: false, lines: [
      `I1121 03:05:00.100000       1 leaderelection.go:354] lock is held by ${podName(REV6.hash, 2)} and has not yet expired`,
      'I1121 03:06:00.100000       1 leaderelection.go:268] successfully acquired lease payments/payment-worker',
    ] }];
    expect(analyzeNodeConditions(ev)[0]?.title).toMatch(new RegExp(`^Node ${NODE_C} is NotReady`));
  });

  it('warns of StatefulSet force-deletes only for StatefulSets', () => {
    const ev = nodeNotReadyScenario();
    expect(analyzeNodeConditions(ev)[0]?.nextAction).not.toContain('StatefulSet');
    ev.target = { ...ev.target, kind: 'StatefulSet' };
    expect(analyzeNodeConditions(ev)[0]?.nextAction).toContain('Do not force-delete');
  });

  it('stays silent on healthy nodes and on a cordoned but healthy node', () => {
    expect(analyzeNodeConditions(healthyScenario())).toEqual([]);
    const ev = baseEvidence();
    ev.nodes = [node(NODE_C, { unschedulable: true })];
    expect(analyzeNodeConditions(ev)).toEqual([]);
  });
});
