// An nginx whose log has no resolver for its upstream again and again ("no resolver defined to
// resolve"): the ConfigMap its container mounts is got, and only its proxy_pass and resolver lines
// are kept (never the rest of the data, never a Secret). Nothing is got while nginx resolves fine.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'storefront';
const target = { service: 'web-gateway', namespace: NS, kind: 'Deployment' as const, name: 'web-gateway' };
const CONF = [
  'server {',
  '    listen 8080;',
  '    location /api/orders/ {',
  '        set $orders_upstream orders.storefront.svc.cluster.local;',
  '        proxy_pass http://$orders_upstream:8080;',
  '        proxy_set_header Authorization "Bearer internal-token-xyz";',
  '    }',
  '    location /static/ { proxy_pass http://assets.storefront.svc.cluster.local; }',
  '}',
  '',
].join('\n');
const failed = (s: string, k: number) => `2026/11/21 03:${s} [error] 31#31: *${4410 + k} no resolver defined to resolve orders.storefront.svc.cluster.local, client: 10.0.4.17, server: _, request: "GET /api/orders/${k} HTTP/1.1", host: "web-gateway"`;
const answered = (s: string, k: number, status: number) => `10.0.4.17 - - [21/Nov/2026:03:${s} +0000] "GET /api/orders/${k} HTTP/1.1" ${status} 157 "-" "curl/8.5.0"`;

function cluster(o: { unresolved: boolean }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'web-gateway',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 20 * DAYS, template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2-alpine', ports: [8080], volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'web-gateway-conf' } }] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 20 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, configMap({ namespace: NS, name: 'web-gateway-conf', createdAgo: 90 * DAYS, updatedAgo: 15, data: { 'default.conf': CONF } })]) h.fake.add(x);
  const [p] = app.pods;
  const lines = o.unresolved ? [1, 2, 3, 4].flatMap((k) => [failed(`0${k}:10`, k), answered(`0${k}:10`, k, 502)]) : [1, 2, 3].map((k) => answered(`0${k}:10`, k, 200));
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'nginx', { current: `${lines.join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);

describe('the proxy_pass and resolver lines of an nginx with no resolver for its upstream', () => {
  it('gets the ConfigMap it mounts, keeping only proxy_pass and resolver', async () => {
    cluster({ unresolved: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/web-gateway-conf`]);
    expect(h.fake.requests.filter((r) => r.path.includes('/secrets'))).toEqual([]);
    expect(ev.proxyConfig).toEqual([
      { configMap: 'web-gateway-conf', key: 'default.conf', setting: 'proxy_pass', value: 'http://$orders_upstream:8080', mountedNow: true },
      { configMap: 'web-gateway-conf', key: 'default.conf', setting: 'proxy_pass', value: 'http://assets.storefront.svc.cluster.local', mountedNow: true },
    ]);
    expect(JSON.stringify(ev)).not.toContain('internal-token-xyz');
  });

  it('gets no ConfigMap while nginx resolves its upstreams', async () => {
    cluster({ unresolved: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.proxyConfig ?? []).toEqual([]);
  });
});
