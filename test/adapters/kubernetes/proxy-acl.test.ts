// The workload's logs say the namespace's forward proxy refuses their tunnels with 403: one ready
// pod of the proxy's Service is got with its log tail, then the ConfigMap its container mounts, once;
// only the acl and http_access lines are kept (never the rest of the data, never a Secret), and of
// its log only the lines refusing the destination. Nothing is got while no log shows the refusal.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, configMap, container, deploymentApp, exposed, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'loyalty';
const target = { service: 'rewards-api', namespace: NS, kind: 'Deployment' as const, name: 'rewards-api' };
const SQUID = [
  'http_port 3128',
  '# partners',
  'acl localnet src 10.0.0.0/8',
  'acl allowed_domains dstdomain .stripe.com api.oldpartner.example',
  'http_access allow localnet allowed_domains',
  'http_access deny all',
  'auth_param basic program /usr/lib/squid/basic_ncsa_auth /etc/squid/secret-passwd',
].join('\n');
const denied = (m: number) => `2026-11-21 01:${String(m).padStart(2, '0')}:10,000 ERROR partner: HTTPSConnectionPool(host='api.newpartner.example', port=443): Max retries exceeded (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 403 Forbidden')))`;

function cluster(o: { denied: boolean }) {
  const proxy = deploymentApp({
    namespace: NS, name: 'egress-proxy', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'squid', image: 'ubuntu/squid:6.6', ports: [{ name: 'proxy', containerPort: 3128 }], volumeMounts: [{ name: 'conf', mountPath: '/etc/squid/squid.conf', subPath: 'squid.conf' }] })], volumes: [{ name: 'tls', secret: { secretName: 'egress-proxy-tls' } }, { name: 'conf', configMap: { name: 'egress-proxy-squid-conf' } }] } }],
    pods: [{ revision: 2, node: NODE_B, createdAgo: 40 * DAYS }],
  });
  const env = [{ name: 'HTTPS_PROXY', value: `http://egress-proxy.${NS}.svc.cluster.local:3128` }];
  const app = deploymentApp({
    namespace: NS, name: 'rewards-api', replicas: 1,
    revisions: [{ revision: 42, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'rewards-api:4.8.0', env })] } }],
    pods: [{ revision: 42, node: NODE_A, createdAgo: 2 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'egress-proxy-squid-conf', createdAgo: 40 * DAYS, data: { 'squid.conf': SQUID } });
  const svc = exposed({ namespace: NS, name: 'egress-proxy', selector: { app: 'egress-proxy' }, pods: proxy.pods, ports: [{ name: 'proxy', port: 3128, targetPort: 'proxy' }], endpointPort: 3128 });
  for (const x of [...threeNodes(), ...proxy.objects, ...app.objects, cm, ...svc]) h.fake.add(x);
  const [p] = app.pods;
  const [q] = proxy.pods;
  const lines = o.denied ? [denied(10), denied(11), denied(12)] : ['2026-11-21 01:12:10,000 INFO partner: redeemed m_1'];
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${lines.join('\n')}\n` });
  if (q !== undefined) {
    h.fake.setLogs(NS, nameOf(q), 'squid', {
      current: '1795748000.000    412 10.0.52.90 TCP_TUNNEL/200 6203 CONNECT api.stripe.com:443 - HIER_DIRECT/54.187.216.72 -\n1795748001.000      0 10.0.52.90 TCP_DENIED/403 3990 CONNECT api.newpartner.example:443 - HIER_NONE/- text/html\n',
    });
  }
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the access rules of a forward proxy that refuses the workload\'s tunnels', () => {
  it('gets one of its pods, its log and the ConfigMap it mounts, keeping only the rules and the refusals', async () => {
    cluster({ denied: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/egress-proxy-squid-conf`]);
    expect(secretReads()).toEqual([]);
    expect(ev.proxyAcl).toMatchObject({
      service: 'egress-proxy',
      ready: true,
      configMap: 'egress-proxy-squid-conf',
      key: 'squid.conf',
      rules: ['acl localnet src 10.0.0.0/8', 'acl allowed_domains dstdomain .stripe.com api.oldpartner.example', 'http_access allow localnet allowed_domains', 'http_access deny all'],
      refusals: ['1795748001.000      0 10.0.52.90 TCP_DENIED/403 3990 CONNECT api.newpartner.example:443 - HIER_NONE/- text/html'],
    });
    expect(JSON.stringify(ev.proxyAcl)).not.toContain('secret-passwd');
  });

  it('gets nothing while no log shows the proxy refusing', async () => {
    cluster({ denied: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.proxyAcl).toBeUndefined();
  });
});
