// Ready pods whose logs time out connecting: the adapter lists the pods of one such pod's node
// (by field selector) and reads the current log tail of its Cilium agent, ready as it is — the
// agent logs the policy drops no NetworkPolicy shows.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, daemonSetApp, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const TIMEOUT = '{"level":"ERROR","msg":"ledger write failed","error":"dial tcp 172.20.99.119:5432: i/o timeout"}';

function cluster() {
  const app = deploymentApp({
    namespace: 'payments',
    name: 'payments-api',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/payments/api:3.1.0' })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 3 * DAYS }],
  });
  const cilium = daemonSetApp({
    namespace: 'kube-system',
    name: 'cilium',
    selector: { 'k8s-app': 'cilium' },
    revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.16.4', ports: [] })] } }],
    pods: [{ revision: 6, node: NODE_A, createdAgo: 30 * DAYS }, { revision: 6, node: NODE_B, createdAgo: 30 * DAYS }],
  });
  return { objects: [...threeNodes(), ...app.objects, ...cilium.objects], pod: nameOf(podOf(app, 0)), agent: nameOf(podOf(cilium, 0)) };
}

describe('the Cilium agent of a node whose pods time out connecting', () => {
  it('reads the ready agent\'s current log on that node only', async () => {
    const { objects, pod, agent } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('payments', pod, 'app', { current: `${TIMEOUT}\n${TIMEOUT}\n${TIMEOUT}\n` });
    h.fake.setLogs('kube-system', agent, 'cilium-agent', { current: '{"flow":{"verdict":"DROPPED","drop_reason_desc":"POLICY_DENIED"}}\n' });
    const ev = await h.cluster.collectEvidence({ service: 'payments-api', namespace: 'payments', kind: 'Deployment', name: 'payments-api' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.map((n) => n.node)).toEqual([NODE_A]);
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'cilium-agent', previous: false, lines: ['{"flow":{"verdict":"DROPPED","drop_reason_desc":"POLICY_DENIED"}}'] })]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node when the logs do not time out', async () => {
    const { objects, pod } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('payments', pod, 'app', { current: '{"level":"INFO","msg":"request","status":200}\n' });
    const ev = await h.cluster.collectEvidence({ service: 'payments-api', namespace: 'payments', kind: 'Deployment', name: 'payments-api' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
