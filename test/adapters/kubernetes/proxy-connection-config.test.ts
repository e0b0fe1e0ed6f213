// An nginx that runs out of connections again and again ("N worker_connections are not enough"):
// the ConfigMap its container mounts is got, once, and only worker_connections, worker_processes
// and worker_rlimit_nofile are kept (never the rest of its data, never a Secret). Nothing is got
// while no log runs out.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'web';
const target = { service: 'gateway', namespace: NS, kind: 'Deployment' as const, name: 'gateway' };
const CONF = ['user nginx;', 'worker_processes 4;', 'events {', '    worker_connections 1024;  # default', '}', 'http { map $x $y { default "secret-token-abc"; } }', ''].join('\n');
const exhausted = (m: number) => `2026/11/21 03:${String(m).padStart(2, '0')}:10 [alert] 31#31: *88${m} 1024 worker_connections are not enough while connecting to upstream, client: 10.1.2.3, server: _, request: "GET / HTTP/1.1"`;

function cluster(o: { exhausted: boolean; conf?: string; lines?: string[] }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'gateway',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'nginx', image: 'nginx:1.27', ports: [8080], volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] })], volumes: [{ name: 'certs', secret: { secretName: 'gateway-tls' } }, { name: 'conf', configMap: { name: 'gateway-nginx' } }] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'gateway-nginx', createdAgo: 30 * DAYS, data: { 'nginx.conf': o.conf ?? CONF } });
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  const [p] = app.pods;
  const lines = o.lines ?? (o.exhausted ? [exhausted(10), exhausted(11), exhausted(12)] : ['10.1.2.3 - - [21/Nov/2026:03:12:10 +0000] "GET / HTTP/1.1" 200 12 "-" "curl/8.5"']);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'nginx', { current: `${lines.join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the connection limits of an nginx that runs out of worker connections', () => {
  it('gets the ConfigMap its container mounts and keeps only the connection settings', async () => {
    cluster({ exhausted: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/gateway-nginx`]);
    expect(secretReads()).toEqual([]);
    expect(ev.proxyConnectionConfig).toEqual([
      { configMap: 'gateway-nginx', key: 'nginx.conf', setting: 'worker_connections', value: '1024', mountedNow: true },
      { configMap: 'gateway-nginx', key: 'nginx.conf', setting: 'worker_processes', value: '4', mountedNow: true },
    ]);
    expect(JSON.stringify(ev)).not.toContain('secret-token-abc');
  });

  it('gets no ConfigMap while nginx has connections to spare', async () => {
    cluster({ exhausted: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.proxyConnectionConfig).toBeUndefined();
  });
});

// An nginx that fails to connect to an upstream IP again and again: the same one get keeps only
// where it proxies to (proxy_pass, upstream servers) and whether a resolver is set — the names it
// resolved at start — never the rest of the file.
describe('the upstream names of an nginx that cannot connect to an upstream IP', () => {
  const UPSTREAM_CONF = ['events { worker_connections 1024; }', 'http {', '  map $x $y { default "secret-token-abc"; }', '  server {', '    listen 8080;', '    location /api/ { proxy_pass http://orders.web.svc.cluster.local:8080; }', '  }', '}', ''].join('\n');
  const timedOut = (m: number) => `2026/11/21 03:${String(m).padStart(2, '0')}:10 [error] 31#31: *88${m} upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.1.2.3, server: _, request: "GET /api/x HTTP/1.1", upstream: "http://10.96.3.4:8080/api/x", host: "shop"`;

  it('gets the ConfigMap its container mounts and keeps only proxy_pass, server and resolver', async () => {
    cluster({ exhausted: false, conf: UPSTREAM_CONF, lines: [timedOut(10), timedOut(11), timedOut(12)] });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/gateway-nginx`]);
    expect(secretReads()).toEqual([]);
    expect(ev.proxyConnectionConfig).toEqual([{ configMap: 'gateway-nginx', key: 'nginx.conf', setting: 'proxy_pass', value: 'http://orders.web.svc.cluster.local:8080', mountedNow: true }]);
    expect(JSON.stringify(ev)).not.toContain('secret-token-abc');
  });
});
