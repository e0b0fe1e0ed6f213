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
