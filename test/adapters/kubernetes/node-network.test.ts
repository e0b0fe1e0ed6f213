// Pods that time out only on one node: the adapter lists that node's pods (all namespaces, by field
// selector) and reads the log tail of its kube-proxy; with no node-bound timeout it reads neither.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, daemonSetApp, deploymentApp, event, kubeProxy, nameOf, node, probeFailed, running, threeNodes } from '../../triage-corpus/kit/index.js';
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

describe('a node whose CNI agent is not ready where only the workload\'s pods time out', () => {
  function withAgent(ready = false) {
    const base = cluster();
    const agents = daemonSetApp({
      namespace: 'kube-system',
      name: 'kube-flannel-ds',
      selector: { app: 'flannel' },
      revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'kube-flannel', image: 'docker.io/flannel/flannel:v0.25.6', ports: [] })] } }],
      pods: [
        ready ? { revision: 2, node: NODE_A, createdAgo: 40 * DAYS } : { revision: 2, node: NODE_A, createdAgo: 40 * DAYS, ready: false, containers: { 'kube-flannel': running({ sinceAgo: 35, ready: false, restarts: 1 }) } },
        { revision: 2, node: NODE_B, createdAgo: 40 * DAYS },
      ],
    });
    const down = podOf(agents, 0);
    return { ...base, agents, down, probe: probeFailed(down, 'kube-flannel', 'Readiness', 'vxlan backend not ready: no lease for subnet 10.244.3.0/24', { count: 90, firstAgo: 34 }) };
  }

  it("reads the agent's probe failures, the start of its log (the address it took) and its tail, next to kube-proxy's", async () => {
    const { objects, sick, proxyA, agents, down, probe } = withAgent();
    for (const o of [...objects, ...agents.objects, probe]) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'error: dial tcp 172.20.1.9:80: i/o timeout\n' });
    h.fake.setLogs('kube-system', proxyA, 'kube-proxy', { current: 'I1121 02:00:00.000000 1 proxier.go:800] "SyncProxyRules complete"\n' });
    h.fake.setLogs('kube-system', nameOf(down), 'kube-flannel', { current: 'I1121 02:40:00.1 1 main.go:212] CLI flags config\nI1121 02:40:00.2 1 main.go:521] Using interface with name docker0 and address 172.17.0.1\nI1121 02:41:00.0 1 vxlan.go:141] VXLAN config: VNI=1\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    const read = ev.nodeNetwork?.[0];
    expect(read?.cniAgent).toMatchObject({ namespace: 'kube-system', pod: nameOf(down), container: 'kube-flannel', startLines: ['I1121 02:40:00.2 1 main.go:521] Using interface with name docker0 and address 172.17.0.1'] });
    expect(read?.cniAgent?.probeEvents?.map((e) => e.message)).toEqual(['Readiness probe failed: vxlan backend not ready: no lease for subnet 10.244.3.0/24']);
    expect(read?.logs.map((l) => l.pod)).toEqual([proxyA, nameOf(down)]);
    const eventQueries = h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/kube-system/events').map((r) => r.query['fieldSelector']);
    expect(eventQueries).toEqual([`involvedObject.kind=Pod,involvedObject.name=${nameOf(down)},reason=Unhealthy`]);
  });

  it('reads nothing of the agent when it is ready', async () => {
    const { objects, sick, agents, down } = withAgent(true);
    for (const o of [...objects, ...agents.objects]) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'error: dial tcp 172.20.1.9:80: i/o timeout\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeNetwork?.map((n) => n.node)).toEqual([NODE_A]);
    expect(ev.nodeNetwork?.[0]?.cniAgent).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/kube-system/events' || r.path.endsWith(`/pods/${nameOf(down)}/log`))).toEqual([]);
  });
});
