// Pods that time out only on one node: the adapter lists that node's pods (all namespaces, by field
// selector) and reads the log tail of its kube-proxy; with no node-bound timeout it reads neither.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, event, kubeProxy, nameOf, node, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();

function cluster() {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:4.2.0' })] } }],
    pods: [
      { revision: 4, node: NODE_A, createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, ready: false }) } },
      { revision: 4, node: NODE_B, createdAgo: 3 * DAYS },
    ],
  });
  const proxy = kubeProxy([{ node: NODE_A }, { node: NODE_B }]);
  return { objects: [...threeNodes(), ...app.objects, ...proxy.objects], sick: nameOf(podOf(app, 0)), proxyA: nameOf(proxy.pods[0] ?? {}) };
}

describe('the network plumbing of a node where only the workload\'s pods time out', () => {
  it('lists that node\'s pods once and reads its kube-proxy log', async () => {
    const { objects, sick, proxyA } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'error: dial tcp 172.20.1.9:80: i/o timeout\n' });
    h.fake.setLogs('kube-system', proxyA, 'kube-proxy', { current: '\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeNetwork?.map((n) => n.node)).toEqual([NODE_A]);
    expect(ev.nodeNetwork?.[0]?.pods.map((p) => `${p.namespace}/${p.pod.name} ${p.owner ?? ''}`)).toContain(`kube-system/${proxyA} DaemonSet kube-proxy`);
    expect(ev.nodeNetwork?.[0]?.logs).toEqual([expect.objectContaining({ pod: proxyA, container: 'kube-proxy', lines: ['\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.'] })]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node\'s pods when no pod times out', async () => {
    for (const o of cluster().objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeNetwork).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});

describe('a node two reads follow for different reasons', () => {
  it('lists its pods once for both: its conntrack table is full, and a ready pod there times out (its CNI agent\'s log)', async () => {
    const app = deploymentApp({
      namespace: 'shop',
      name: 'cart',
      replicas: 2,
      revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:4.2.0' })] } }],
      pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 3 * DAYS }],
    });
    const full = event({ on: node({ name: NODE_A }), reason: 'ConntrackFull', type: 'Warning', message: 'nf_conntrack: table full, dropping packet', count: 40, firstAgo: 20, lastAgo: 1, component: 'kernel-monitor' });
    for (const o of [...threeNodes(), ...app.objects, ...kubeProxy([{ node: NODE_A }, { node: NODE_B }]).objects, full]) h.fake.add(o);
    const timeouts = ['dial tcp 172.20.1.9:5432: i/o timeout', 'dial tcp 172.20.1.9:5432: i/o timeout', 'dial tcp 172.20.1.9:5432: i/o timeout'].join('\n');
    h.fake.setLogs('shop', nameOf(podOf(app, 0)), 'app', { current: `${timeouts}\n` });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeNetwork?.map((n) => n.node)).toEqual([NODE_A]);
    expect(ev.nodeAgents?.map((n) => n.node)).toEqual([NODE_A]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });
});
