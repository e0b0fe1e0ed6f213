import { describe, expect, it } from 'vitest';
import { analyzeProxyPrefixStrip } from '../../../../src/domain/triage/analyzers/proxy-prefix-strip.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ProxyRouteEvidence } from '../../../../src/domain/triage/evidence-proxy-routes.js';
import { findLocationPasses, findPrefixMisses, pickPrefixRouteReads, uriPartOf } from '../../../../src/domain/triage/proxy-prefix-strip.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const PATHS = ['/shop/orders/17', '/shop/basket', '/shop/items?page=2', '/shop/orders/18/lines', '/shop/account'];
const access = (m: number, path: string, status: number) => `10.2.0.${m} - - [21/Nov/2026:03:${String(m).padStart(2, '0')}:05 +0000] "GET ${path} HTTP/1.1" ${status} 41 "-" "Mozilla/5.0"`;
/** Every call under /shop/ answered 404 since the edit; the static pages still 200. */
const MISSING_LOG = Array.from({ length: 10 }, (_, i) => [access(i + 1, PATHS[i % PATHS.length] ?? '/shop/x', 404), ...(i % 3 === 0 ? [access(i + 1, '/assets/site.css', 200)] : [])]).flat();
/** A healthy gateway: API calls answer 200, scanners get 404 on paths spread over many prefixes. */
const SCANNED_LOG = [
  ...Array.from({ length: 12 }, (_, i) => access(i + 1, PATHS[i % PATHS.length] ?? '/shop/x', 200)),
  ...['/wp-admin/setup.php', '/.git/config', '/cgi-bin/luci', '/phpmyadmin/index.php', '/admin/login.asp', '/vendor/phpunit/eval.php', '/shop/old-offer'].map((p, i) => access(i + 20, p, 404)),
];

const ROUTES = (pass: string): ProxyRouteEvidence[] => [
  { configMap: 'gateway-conf', key: 'default.conf', location: '/shop/', proxyPass: pass, rewrites: false, mountedNow: true },
  { configMap: 'gateway-conf', key: 'default.conf', location: '/', proxyPass: 'http://site.web.svc.cluster.local:3000', rewrites: false, mountedNow: true },
];

/** An nginx gateway mounting gateway-conf, edited 20 minutes ago. */
function gateway(o: { log?: string[]; proxyRoutes?: ProxyRouteEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }];
  const nginx = container({ name: 'nginx', image: 'nginx:1.27.2-alpine', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(30 * 24 * 60) } } });
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [nginx], volumes: [{ name: 'conf', source: 'configMap', ref: 'gateway-conf' }], createdAt: minutesAgo(30 * 24 * 60), startTime: minutesAgo(30 * 24 * 60) }));
  const template = { initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'conf', source: 'configMap' as const, ref: 'gateway-conf' }] };
  return baseEvidence({
    pods,
    revisions: [revision(REV7, minutesAgo(30 * 24 * 60), { replicas: 2, containers: [revisionContainer({ name: 'nginx', env: [], envFrom: [], volumeMounts: mounts })], template })],
    logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: o.log ?? MISSING_LOG })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'gateway-conf', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(20), keys: ['default.conf'] }],
    ...(o.proxyRoutes ? { proxyRoutes: o.proxyRoutes } : {}),
  });
}

describe('reading an nginx config for its prefix locations', () => {
  it('keeps prefix locations and the proxy_pass each holds (if any), not regex or named ones, and sees a rewrite', () => {
    const conf = [
      'http {',
      '  upstream orders { server orders.web.svc:8080; }  # the API',
      '  server {',
      '    location = /health { return 200; }',
      '    location /shop/ {',
      '      proxy_set_header Host $host;',
      '      proxy_pass http://orders/;   # tidy',
      '      location /shop/static/ { root /srv; }',
      '    }',
      '    location ^~ /legacy/ { rewrite ^/legacy/(.*)$ /$1 break; proxy_pass http://orders/v0/; }',
      '    location ~ \\.php$ { proxy_pass http://php; }',
      '    location @fallback { proxy_pass http://orders; }',
      '    location / { proxy_pass "http://site:3000"; }',
      '  }',
      '}',
    ].join('\n');
    expect(findLocationPasses(conf)).toEqual([
      { location: '/shop/static/', rewrites: false },
      { location: '/shop/', proxyPass: 'http://orders/', rewrites: false },
      { location: '/legacy/', proxyPass: 'http://orders/v0/', rewrites: true },
      { location: '/', proxyPass: 'http://site:3000', rewrites: false },
    ]);
  });

  it('tells a proxy_pass URI part from none', () => {
    expect(uriPartOf('http://orders/')).toBe('/');
    expect(uriPartOf('http://orders.web.svc:8080/api/')).toBe('/api/');
    expect(uriPartOf('http://orders')).toBeUndefined();
    expect(uriPartOf('http://orders:8080')).toBeUndefined();
    expect(uriPartOf('http://$upstream/')).toBeUndefined();
    expect(uriPartOf('http://unix:/run/app.sock:/')).toBe('/');
  });
});

describe('nginx that strips a location prefix before proxying', () => {
  it('counts most requests under one prefix answered 404 on many paths, and reads the ConfigMap only then', () => {
    expect(findPrefixMisses(gateway().logs, gateway().pods)).toMatchObject({ container: 'nginx', prefix: '/shop/', missed: 20, total: 20, servedElsewhere: 8 });
    expect(pickPrefixRouteReads(gateway())).toEqual([{ configMap: 'gateway-conf', mountedNow: true }]);
    expect(findPrefixMisses(gateway({ log: SCANNED_LOG }).logs, gateway().pods)).toBeUndefined();
    expect(pickPrefixRouteReads(gateway({ log: SCANNED_LOG }))).toEqual([]);
    // One missing page asked again and again is not the route.
    expect(findPrefixMisses(gateway({ log: Array.from({ length: 12 }, (_, i) => access(i + 1, '/shop/old-offer', 404)) }).logs, gateway().pods)).toBeUndefined();
  });

  it('says nothing without the location read, or when its proxy_pass passes the prefix on', () => {
    expect(analyzeProxyPrefixStrip(gateway())).toEqual([]);
    expect(analyzeProxyPrefixStrip(gateway({ proxyRoutes: ROUTES('http://orders') }))).toEqual([]);
    expect(analyzeProxyPrefixStrip(gateway({ proxyRoutes: ROUTES('http://orders/shop/') }))).toEqual([]);
    expect(analyzeProxyPrefixStrip(gateway({ log: SCANNED_LOG, proxyRoutes: ROUTES('http://orders/') }))).toEqual([]);
    // The longest prefix decides, as in nginx: a location of its own without proxy_pass is no strip.
    const own: ProxyRouteEvidence = { configMap: 'gateway-conf', key: 'default.conf', location: '/shop/orders/', rewrites: false, mountedNow: true };
    expect(analyzeProxyPrefixStrip(gateway({ log: Array.from({ length: 10 }, (_, i) => access(i + 1, `/shop/orders/${i}`, 404)), proxyRoutes: [...ROUTES('http://orders/'), own] }))).toEqual([]);
    expect(analyzeProxyPrefixStrip(gateway({ proxyRoutes: ROUTES('http://orders/').map((r) => ({ ...r, rewrites: true })) }))).toEqual([]);
  });

  it('names the stripped prefix, the location and its proxy_pass, the ConfigMap, and the fix', () => {
    const report = buildTriageReport(gateway({ proxyRoutes: ROUTES('http://orders/') }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/nginx strips the \/shop\/ prefix before proxying: ConfigMap gateway-conf \(key default\.conf\) has location \/shop\/ \{ proxy_pass http:\/\/orders\/; \}/);
    expect(report.headline).toMatch(/\/shop\/orders\/17 reaches the upstream as \/orders\/17/);
    expect(report.headline).toMatch(/20 of 20 requests under \/shop\/ answered 404/);
    expect(report.headline).toMatch(/`proxy_pass http:\/\/orders;`/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('leaves a healthy gateway with scanners\' 404s healthy', () => {
    const report = buildTriageReport(gateway({ log: SCANNED_LOG, proxyRoutes: ROUTES('http://orders/') }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.verdict).toBe('healthy');
  });
});
