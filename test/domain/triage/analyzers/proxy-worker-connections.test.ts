import { describe, expect, it } from 'vitest';
import { analyzeProxyWorkerConnections } from '../../../../src/domain/triage/analyzers/proxy-worker-connections.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../../src/domain/triage/evidence-proxy-config.js';
import { findConnectionExhaustion, parseConnectionExhaustion, pickConnectionConfigRead } from '../../../../src/domain/triage/proxy-worker-connections.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const exhausted = (t: string, n: number) =>
  `2026/11/21 ${t} [alert] 41#41: *${n} 1024 worker_connections are not enough while connecting to upstream, client: 10.4.0.${n % 250}, server: api.example.com, request: "POST /v2/orders HTTP/1.1", upstream: "http://10.96.4.20:8080/v2/orders", host: "api.example.com"`;
const access = (t: string, status: number) => `10.4.0.9 - - [21/Nov/2026:${t} +0000] "POST /v2/orders HTTP/1.1" ${status} 579 "-" "okhttp/4.12.0"`;
const LOG = [
  access('03:00:00', 201),
  exhausted('03:04:10', 11), access('03:04:10', 500),
  '2026/11/21 03:06:00 [alert] 42#42: 1024 worker_connections are not enough',
  exhausted('03:08:30', 12), access('03:08:30', 500),
  access('03:08:31', 201),
];
const CONFIG: ProxyConfigEvidence[] = [
  { configMap: 'orders-gateway-nginx', key: 'nginx.conf', setting: 'worker_connections', value: '1024', mountedNow: true },
  { configMap: 'orders-gateway-nginx', key: 'nginx.conf', setting: 'worker_processes', value: 'auto', mountedNow: true },
];

/** Two ready pods of an nginx gateway (container "gateway") mounting its nginx.conf from a ConfigMap, besides a Secret. */
function gateway(o: { log?: string[]; proxyConnectionConfig?: ProxyConfigEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'tls', mountPath: '/etc/tls' }, { name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ name: 'gateway', image: 'nginx:1.27', volumeMounts: mounts })], volumes: [{ name: 'tls', source: 'secret', ref: 'gateway-tls' }, { name: 'conf', source: 'configMap', ref: 'orders-gateway-nginx' }] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'gateway', previous: false, lines: o.log ?? LOG })),
    ...(o.proxyConnectionConfig ? { proxyConnectionConfig: o.proxyConnectionConfig } : {}),
  });
}

describe('nginx out of worker connections', () => {
  it('reads the wordings nginx logs when connections or descriptors run out, and nothing else', () => {
    expect(parseConnectionExhaustion(exhausted('03:04:10', 11))).toEqual({ limit: 1024, runsOut: 'connections', quote: '1024 worker_connections are not enough while connecting to upstream', at: '2026-11-21T03:04:10.000Z' });
    expect(parseConnectionExhaustion('2026/11/21 03:04:10 [warn] 7#7: 512 worker_connections are not enough, reusing connections')?.limit).toBe(512);
    expect(parseConnectionExhaustion('2026/11/21 03:04:10 [crit] 7#7: accept4() failed (24: Too many open files)')).toMatchObject({ runsOut: 'files', quote: 'accept4() failed (24: Too many open files)' });
    expect(parseConnectionExhaustion('2026/11/21 03:04:10 [alert] 7#7: *9 socket() failed (24: Too many open files) while connecting to upstream, client: 1.2.3.4')?.runsOut).toBe('files');
    expect(parseConnectionExhaustion('2026/11/21 03:04:10 [error] 7#7: *9 connect() failed (111: Connection refused) while connecting to upstream')).toBeUndefined();
    expect(parseConnectionExhaustion(access('03:04:10', 500))).toBeUndefined();
  });

  it('takes lines again and again (3) to call it, and reads the ConfigMap the container mounts, never the Secret', () => {
    expect(findConnectionExhaustion(gateway({ log: [exhausted('03:04:10', 11), exhausted('03:04:11', 12)] }).logs.slice(0, 1), gateway().pods)).toBeUndefined();
    const ev = gateway();
    expect(findConnectionExhaustion(ev.logs, ev.pods)?.answered.get('500')).toBe(4);
    expect(pickConnectionConfigRead(ev)).toBe('orders-gateway-nginx');
    expect(pickConnectionConfigRead(gateway({ log: [access('03:00:00', 200)] }))).toBeUndefined();
  });

  it('names the limit, its ConfigMap and the 500s, and says to raise it there and roll the workload', () => {
    const [f] = analyzeProxyWorkerConnections(gateway({ proxyConnectionConfig: CONFIG }));
    expect(f?.id).toBe('resource-exhaustion/nginx-worker-connections/gateway');
    expect(f?.layer).toBe('capacity');
    expect(f?.title).toBe('nginx (container gateway) in 2 pods is out of worker connections: "1024 worker_connections are not enough while connecting to upstream" — worker_connections 1024 × worker_processes auto, no worker_rlimit_nofile (ConfigMap orders-gateway-nginx, key nginx.conf); 4 requests answered 500');
    expect(f?.decisive).toBe('1024 worker_connections are not enough while connecting to upstream');
    expect(f?.confidence).toBe('high');
    expect(f?.nextAction).toContain('raise worker_connections (with worker_rlimit_nofile at least twice it) in ConfigMap orders-gateway-nginx and roll deployment/');
    expect(f?.onset).toBe('2026-11-21T03:04:10.000Z');
  });

  it('says the value was not read when the file was not, and stays quiet on a proxy with connections to spare', () => {
    const [f] = analyzeProxyWorkerConnections(gateway());
    expect(f?.title).toContain('worker_connections 1024 (its config file was not read)');
    expect(f?.nextAction).toContain("in gateway's config file");
    expect(analyzeProxyWorkerConnections(gateway({ log: [access('03:00:00', 200), access('03:00:01', 500)] }))).toEqual([]);
  });
});
