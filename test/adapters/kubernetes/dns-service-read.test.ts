// The cluster DNS's Services (kube-system) are read once, only when the workload's lookups time out
// toward a nameserver their lines name while every DNS pod is ready; only those that select the DNS
// pods are kept, with their ClusterIPs and creation time.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, coreDns, deploymentApp, exposed, nameOf, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';

describe('the cluster DNS Service', () => {
  const target = { service: 'invoicer', namespace: NS, kind: 'Deployment' as const, name: 'invoicer' };
  function cluster(log: string) {
    const app = deploymentApp({
      namespace: NS, name: 'invoicer', replicas: 2,
      revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoicer:2.0.1' })] } }],
      pods: [NODE_A, NODE_B].map((node) => ({ revision: 3, node, createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 9 * DAYS }) } })),
    });
    const dns = coreDns([{ node: NODE_A }, { node: NODE_B }]);
    const dnsService = exposed({ namespace: 'kube-system', name: 'kube-dns', clusterIP: '10.96.140.21', createdAgo: 30, selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }], pods: dns.pods, endpointPort: 53 });
    const other = exposed({ namespace: 'kube-system', name: 'metrics-server', clusterIP: '10.96.7.3', selector: { 'k8s-app': 'metrics-server' }, pods: [] });
    for (const o of [...threeNodes(), ...app.objects, ...dns.objects.filter((o) => o.kind !== 'Service' && o.kind !== 'EndpointSlice'), ...dnsService, ...other]) h.fake.add(o);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  }
  const serviceLists = () => h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/kube-system/services');

  it('lists kube-system\'s Services once when lookups time out toward a named nameserver, keeping those of the DNS pods', async () => {
    cluster('dial tcp: lookup ledger.billing.svc.cluster.local on 10.96.0.10:53: read udp 10.0.1.4:40000->10.96.0.10:53: i/o timeout\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(serviceLists()).toHaveLength(1);
    expect(ev.dns?.services?.map((s) => [s.name, s.clusterIPs])).toEqual([['kube-dns', ['10.96.140.21']]]);
    expect(ev.dns?.services?.[0]?.createdAt).toBeDefined();
  });

  it('reads none when the lines name no nameserver, or nothing fails', async () => {
    cluster('Error: getaddrinfo EAI_AGAIN ledger.billing\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(serviceLists()).toEqual([]);
    expect(ev.dns?.services).toBeUndefined();
  });

  it('reads none while the logs show no failed lookup', async () => {
    cluster('{"msg":"invoice sent"}\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(serviceLists()).toEqual([]);
  });
});
