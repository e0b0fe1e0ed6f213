import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { parseDependencyError } from '../../../src/domain/triage/dependency-error-line.js';
import { findServiceByAddress } from '../../../src/domain/triage/down-service.js';
import { pickClosingHttpService, readIdleMs } from '../../../src/domain/triage/closed-idle-http.js';
import { findUpstreamKeepalive, pickKeepaliveConfigRead } from '../../../src/domain/triage/proxy-keepalive-race.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../src/domain/triage/evidence-proxy-config.js';
import { REV6, REV7, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, revisionContainer, service, workload } from './scenarios/builders.js';

const CONF = [
  'http {',
  '  upstream orders {',
  '    server orders-api.shop.svc.cluster.local:8080;  # the Service',
  '    keepalive 32;',
  '    keepalive_timeout 75s;',
  '  }',
  '  upstream static { server static-files:80; }',
  '  keepalive_timeout 65;',
  '  server { location / { proxy_pass http://orders; proxy_http_version 1.1; } }',
  '}',
].join('\n');

describe('findUpstreamKeepalive: the upstream blocks that keep idle connections', () => {
  it('reads keepalive and its timeout inside the block only, not the client-side keepalive_timeout of http', () => {
    expect(findUpstreamKeepalive(CONF)).toEqual([{ upstream: 'orders', servers: ['orders-api.shop.svc.cluster.local:8080'], connections: '32', timeout: '75s' }]);
  });

  it('leaves the timeout unset when the block relies on nginx\'s default', () => {
    expect(findUpstreamKeepalive('upstream orders {\n  server 10.0.7.100:8080;\n  keepalive 16;\n}')).toEqual([{ upstream: 'orders', servers: ['10.0.7.100:8080'], connections: '16' }]);
  });

  it('finds nothing where no block keeps connections', () => {
    expect(findUpstreamKeepalive('upstream orders { server orders-api:8080; }\nkeepalive_timeout 65;')).toEqual([]);
  });
});

describe('readIdleMs: an idle timeout in milliseconds, whatever unit it is written in', () => {
  it.each([
    ['SERVER_KEEPALIVE_TIMEOUT_MS', '5000', 5000],
    ['keepAliveTimeout', '5000', 5000],
    ['IDLE_TIMEOUT_SECONDS', '30', 30_000],
    ['SERVER_IDLE_TIMEOUT', '5s', 5000],
    ['idle_timeout', '1m', 60_000],
    ['KEEPALIVE_TIMEOUT', '2', 2000],
  ])('%s=%s', (name, value, ms) => {
    expect(readIdleMs(name, value)).toBe(ms);
  });
});

describe('parseDependencyError: nginx\'s upstream closed before the response header', () => {
  it('is a reset toward the upstream it names', () => {
    const line = '2026/11/21 03:02:39 [error] 29#29: *90743 upstream prematurely closed connection while reading response header from upstream, client: 10.0.9.3, server: shop.example.com, request: "POST /v1/orders HTTP/1.1", upstream: "http://10.0.1.100:8080/v1/orders", host: "shop.example.com"';
    expect(parseDependencyError(line)).toEqual({ problem: 'reset', dependency: '10.0.1.100:8080' });
  });
});

describe('an nginx whose upstream keepalive outlasts the upstream server\'s idle timeout', () => {
  const cut = (t: string, i: number) => (i % 2 === 0
    ? `${t} [error] 29#29: *${900 + i} upstream prematurely closed connection while reading response header from upstream, client: 10.0.9.${i}, server: shop.example.com, request: "POST /v1/orders HTTP/1.1", upstream: "http://10.0.7.${100 + (i % 3)}:8080/v1/orders", host: "shop.example.com"`
    : `${t} [error] 30#30: *${900 + i} recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.9.${i}, server: shop.example.com, request: "GET /v1/orders/O-${i} HTTP/1.1", upstream: "http://10.0.7.${100 + (i % 3)}:8080/v1/orders/O-${i}", host: "shop.example.com"`);
  const access = (i: number, status: number) => `10.0.9.${i} - - [21/Nov/2026:03:0${i}:00 +0000] "GET /v1/orders/O-${i} HTTP/1.1" ${status} 157 "-" "curl/8.5.0"`;
  const lines = [0, 1, 2, 3, 4, 5].flatMap((i) => [access(i, 200), cut(`2026/11/21 03:0${i}:10`, i), access(i, 502)]);
  const config = (over: Partial<ProxyConfigEvidence> = {}): ProxyConfigEvidence[] => {
    const upstream = { name: 'orders', servers: ['orders-api.shop.svc.cluster.local:8080'] };
    return [
      { configMap: 'gateway-nginx', key: 'nginx.conf', setting: 'keepalive', value: '32', mountedNow: true, upstream },
      { configMap: 'gateway-nginx', key: 'nginx.conf', setting: 'keepalive_timeout', value: '60s', mountedNow: true, upstream, ...over },
    ];
  };
  const scenario = (opts: { serverIdle?: string; proxy?: ProxyConfigEvidence[] } = {}): TriageEvidence => {
    const mount = { volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf' }] };
    const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [container({ name: 'nginx', ...mount })], volumes: [{ name: 'conf', source: 'configMap', ref: 'gateway-nginx' }] }));
    const servers = [0, 1, 2].map((i) => pod(i + 4, { name: `orders-api-7d9c-${i}` }));
    const ev = baseEvidence({
      pods,
      workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 }),
      logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines })),
      revisions: [
        revision(REV7, minutesAgo(120), { containers: [revisionContainer({ name: 'nginx' })], template: { initContainers: [], volumes: [{ name: 'conf', source: 'configMap', ref: 'gateway-nginx' }], imagePullSecrets: [], placement: {} } as never }),
        revision(REV6, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ name: 'nginx' })], template: { initContainers: [], volumes: [{ name: 'conf', source: 'configMap', ref: 'gateway-nginx' }], imagePullSecrets: [], placement: {} } as never }),
      ],
    });
    ev.services = [...ev.services, service({ name: 'orders-api', selector: { app: 'orders-api' }, clusterIP: '172.20.5.9' })];
    ev.endpointSlices = [...ev.endpointSlices, endpointSlice('orders-api', servers, { endpoints: servers.map((p, i) => ({ addresses: [`10.0.7.${100 + i}`], ready: true, podName: p.name })) })];
    ev.proxyConnectionConfig = opts.proxy ?? config();
    const server = servers[0] as PodEvidence;
    ev.dependencyPods = [{ service: 'orders-api', pod: { ...server, containers: [container({ env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'SERVER_KEEPALIVE_TIMEOUT_MS', value: opts.serverIdle ?? '5000' }] })] }, logs: [] }];
    return ev;
  };

  it('resolves a pod\'s address to the Service whose EndpointSlice holds it, and a cluster IP to its Service', () => {
    const ev = scenario();
    expect(findServiceByAddress(ev, '10.0.7.101:8080')?.name).toBe('orders-api');
    expect(findServiceByAddress(ev, '172.20.5.9')?.name).toBe('orders-api');
    expect(findServiceByAddress(ev, '10.9.9.9:8080')).toBeUndefined();
  });

  it('asks for the proxy\'s mounted ConfigMap and for a pod of the upstream\'s Service', () => {
    const ev = scenario();
    expect(pickKeepaliveConfigRead(ev)).toBe('gateway-nginx');
    expect(pickClosingHttpService(ev)).toBe('orders-api');
    expect(pickKeepaliveConfigRead({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: lines.slice(0, 2) })).slice(0, 1) })).toBeUndefined();
  });

  it('names the Service and both timeouts, the proxy\'s below the server\'s as the fix, and no rollback when the revision before mounts the same file', () => {
    const found = analyzeDependencyErrors(scenario()).filter((f) => f.id === 'dependency-error/keepalive-race/orders-api');
    expect(found.length).toBeGreaterThan(0);
    const f = found[0];
    expect(f?.title).toMatch(/^nginx reuses keep-alive connections after orders-api has closed them: upstream keepalive_timeout 60s \(ConfigMap gateway-nginx\) outlasts orders-api's 5s idle timeout \(SERVER_KEEPALIVE_TIMEOUT_MS=5000\); 12 requests cut before the response header, 12 requests answered 502/);
    expect(f?.fix).toMatch(/keepalive_timeout of upstream orders \(ConfigMap gateway-nginx\) below orders-api's idle timeout \(e\.g\. 4s\), or raise orders-api's idle timeout above 60s/);
    expect(f?.noRollback).toMatch(/revision 6 mounts the same ConfigMap gateway-nginx/);
    expect(f?.evidence.join('\n')).toMatch(/orders-api runs with SERVER_KEEPALIVE_TIMEOUT_MS=5000/);
    expect(f?.likelyCause).toMatch(/"upstream prematurely closed connection" or "recv\(\) failed \(104: Connection reset by peer\)"/);
  });

  it('nginx\'s default 60s applies when the block sets no keepalive_timeout', () => {
    const f = analyzeDependencyErrors(scenario({ proxy: config().slice(0, 1) })).find((x) => x.id === 'dependency-error/keepalive-race/orders-api');
    expect(f?.title).toMatch(/upstream keepalive_timeout 60s \(nginx's default\)/);
  });

  it('claims no race when the server keeps idle connections longer than the proxy', () => {
    const found = analyzeDependencyErrors(scenario({ serverIdle: '75000' }));
    expect(found.some((f) => f.id.includes('keepalive-race'))).toBe(false);
    expect(found[0]?.title).toMatch(/orders-api/);
  });

  it('claims no race when the proxy\'s config was not read', () => {
    expect(analyzeDependencyErrors(scenario({ proxy: [] })).some((f) => f.id.includes('keepalive-race'))).toBe(false);
  });
});
