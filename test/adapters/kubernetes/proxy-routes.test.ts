// An nginx whose access log answers 404 to most requests under one prefix, on many paths: the
// ConfigMap its container mounts is got, once, and only its prefix locations with their proxy_pass
// (if any) are kept (never the rest of its data, never a Secret). Nothing is got while the 404s are a
// scanner's, spread over many prefixes.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'web';
const target = { service: 'gateway', namespace: NS, kind: 'Deployment' as const, name: 'gateway' };
const CONF = [
  'events { worker_connections 1024; }',
  'http {',
  '  map $x $y { default "secret-token-abc"; }',
  '  server {',
  '    listen 8080;',
  '    location /shop/ { proxy_pass http://orders.web.svc.cluster.local:8080/; }',
  '    location / { root /srv/www; }',
  '  }',
  '}',
  '',
].join('\n');
const PATHS = ['/shop/orders/17', '/shop/basket', '/shop/items', '/shop/account'];
const line = (m: number, path: string, status: number) => `10.1.2.3 - - [21/Nov/2026:03:${String(m).padStart(2, '0')}:10 +0000] "GET ${path} HTTP/1.1" ${status} 12 "-" "curl/8.5"`;

function cluster(lines: string[]) {
  const app = deploymentApp({
    namespace: NS,
    name: 'gateway',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'nginx', image: 'nginx:1.27', ports: [8080], volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] })], volumes: [{ name: 'certs', secret: { secretName: 'gateway-tls' } }, { name: 'conf', configMap: { name: 'gateway-nginx' } }] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'gateway-nginx', createdAgo: 30 * DAYS, data: { 'nginx.conf': CONF } });
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  const [p] = app.pods;
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'nginx', { current: `${lines.join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the prefix locations of an nginx answering 404 under one prefix', () => {
  it('gets the ConfigMap its container mounts and keeps only the locations with their proxy_pass', async () => {
    cluster(Array.from({ length: 10 }, (_, i) => line(i + 1, PATHS[i % PATHS.length] ?? '/shop/x', 404)));
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/gateway-nginx`]);
    expect(secretReads()).toEqual([]);
    expect(ev.proxyRoutes).toEqual([{ configMap: 'gateway-nginx', key: 'nginx.conf', location: '/shop/', proxyPass: 'http://orders.web.svc.cluster.local:8080/', rewrites: false, mountedNow: true }, { configMap: 'gateway-nginx', key: 'nginx.conf', location: '/', rewrites: false, mountedNow: true }]);
    expect(JSON.stringify(ev)).not.toContain('secret-token-abc');
  });

  it('gets no ConfigMap while the 404s are a scanner\'s', async () => {
    cluster([...PATHS.map((p, i) => line(i + 1, p, 200)), ...['/wp-admin/x.php', '/.git/config', '/cgi-bin/a', '/admin/b', '/vendor/c'].map((p, i) => line(i + 10, p, 404))]);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.proxyRoutes).toBeUndefined();
  });
});
