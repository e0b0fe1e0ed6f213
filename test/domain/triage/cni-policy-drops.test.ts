// Connections that time out because Cilium's own policy drops them: the agent on the callers'
// node logs DROPPED / POLICY_DENIED flows and the CiliumNetworkPolicy it imported. The finding must
// name the drop and the policy, not a Kubernetes NetworkPolicy or a down database.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { NODE_A, baseEvidence, container, pod } from './scenarios/builders.js';

const DB = '172.20.99.119:5432';

function scenario(withDrops = true): TriageEvidence {
  const ev = baseEvidence();
  const callers = ev.pods.slice(0, 2);
  const line = `{"level":"ERROR","msg":"ledger write failed","error":"dial tcp ${DB}: i/o timeout"}`;
  const agent = pod(9, { name: 'cilium-x7k2p', labels: { 'k8s-app': 'cilium' }, nodeName: NODE_A, containers: [container({ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.16.4' })] });
  const drop = (p: string) => `{"flow":{"verdict":"DROPPED","source":{"namespace":"${ev.target.namespace}","pod_name":"${p}"},"destination":{"namespace":"data","labels":["k8s:app=ledger-db"],"pod_name":"ledger-db-0"},"l4":{"TCP":{"destination_port":5432}},"traffic_direction":"EGRESS","drop_reason_desc":"POLICY_DENIED"}}`;
  return {
    ...ev,
    logs: callers.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line, line, line] })),
    nodeAgents: [{
      node: NODE_A,
      agents: [{ namespace: 'kube-system', owner: 'DaemonSet cilium', pod: agent }],
      logs: [{ pod: agent.name, container: 'cilium-agent', previous: false, lines: [
        `level=info msg="Imported CiliumNetworkPolicy" ciliumNetworkPolicyName=payments-egress k8sApiVersion= k8sNamespace=${ev.target.namespace} subsys=k8s-watcher`,
        ...(withDrops ? callers.map((p) => drop(p.name)) : []),
      ] }],
    }],
  };
}

describe('connections that Cilium\'s own policy drops', () => {
  it('names the drop, its direction and the CiliumNetworkPolicy, not a NetworkPolicy or the database', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain(`Connections to ${DB} time out: Cilium drops them (egress POLICY_DENIED, CiliumNetworkPolicy payments-egress in ${scenario().target.namespace})`);
    expect(f?.fix).toBe('add an egress rule for ledger-db-0 (data) port 5432 to CiliumNetworkPolicy payments-egress');
    expect(f?.evidence.join('\n')).toContain('DROPPED flows from these pods to ledger-db-0 (data) port 5432: POLICY_DENIED, EGRESS');
    expect(f?.confirmCommands.join(' ')).not.toMatch(/get networkpolicy\b/);
  });

  it('keeps the usual reading when the agent logs no drop for these pods', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).not.toContain('Cilium');
  });
});
