import { describe, expect, it } from 'vitest';
import { analyzeFrontProxyQueue } from '../../../src/domain/triage/analyzers/front-proxy-queue.js';
import type { FrontProxyEvidence } from '../../../src/domain/triage/evidence-front-proxy.js';
import { isHaproxyImage, readBackendQueue, readHaproxyBackend, serviceHosts } from '../../../src/domain/triage/haproxy-backend-queue.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, baseEvidence, minutesAgo } from './scenarios/builders.js';

const CFG = [
  'defaults',
  '  mode http',
  '  timeout queue 20s',
  'frontend fe',
  '  bind :8080',
  '  default_backend be_api',
  'backend be_other',
  '  default-server check maxconn 300',
  `  server-template other 4 other-headless.${NS}.svc.cluster.local:8080 resolvers kube`,
  'backend be_api',
  '  balance leastconn',
  '  # capped for a test',
  '  default-server check inter 2s maxconn 4',
  `  server-template api 6 ${APP}.${NS}.svc.cluster.local:8080 resolvers kube init-addr none`,
].join('\n');

const ok = (i: number) => `10.0.0.${i}:40000 [21/Nov/2026:03:1${i % 10}:00.000] fe be_api/api1 0/0/0/110/110 200 1800 - - ---- 40/40/12/4/0 0/0 "POST /api/pay HTTP/1.1"`;
const waited = (i: number) => `10.0.0.${i}:40000 [21/Nov/2026:03:1${i % 10}:00.000] fe be_api/api2 0/9100/0/110/9210 200 1800 - - ---- 90/90/60/4/0 0/${40 + i} "POST /api/pay HTTP/1.1"`;
const expired = (i: number) => `10.0.0.${i}:40000 [21/Nov/2026:03:1${i % 10}:00.000] fe be_api/<NOSRV> 0/20001/-1/-1/20001 503 217 - - sQ-- 90/90/60/0/0 0/${60 + i} "POST /api/pay HTTP/1.1"`;

function evidence(lines: string[]) {
  const backend = readHaproxyBackend(CFG, serviceHosts(APP, NS));
  const fp: FrontProxyEvidence = { deployment: 'edge-lb', configMap: 'edge-lb-config', key: 'haproxy.cfg', backend: backend!, revision: 4, restartedAt: minutesAgo(30), logs: [{ pod: 'edge-lb-7d-abc', container: 'haproxy', previous: false, lines }] };
  return baseEvidence({ frontProxy: fp, namespaceObjects: [{ kind: 'ConfigMap', name: 'edge-lb-config', createdAt: minutesAgo(9000), changedAt: minutesAgo(32) }] });
}

describe('HAProxy in front of the workload queuing its requests at a per-server maxconn', () => {
  it('reads the backend that names the workload\'s Service: its maxconn and queue timeout', () => {
    expect(isHaproxyImage('docker.io/library/haproxy:2.9.7-alpine')).toBe(true);
    expect(isHaproxyImage('nginx:1.27')).toBe(false);
    expect(readHaproxyBackend(CFG, serviceHosts(APP, NS))).toEqual({ name: 'be_api', host: `${APP}.${NS}.svc.cluster.local`, maxconn: 4, maxconnLine: 'default-server check inter 2s maxconn 4', queueTimeout: '20s' });
    expect(readHaproxyBackend(CFG, serviceHosts('nobody', NS))).toBeUndefined();
    expect(readBackendQueue(evidence([ok(1), waited(2), expired(3)]).frontProxy!.logs, 'be_api')).toMatchObject({ requests: 3, queueTimeouts: 1, queued: 1, maxBackendQueue: 63 });
  });

  it('names the balancer, the cap, the ConfigMap and when it was loaded; the workload needs nothing', () => {
    const ev = evidence([...[1, 2, 3].map(ok), ...[4, 5].map(waited), ...[6, 7, 8, 9, 10, 11].map(expired)]);
    const [f] = analyzeFrontProxyQueue(ev);
    expect(f?.title).toMatch(/^HAProxy edge-lb queues requests to payment-service at maxconn 4 per server \(backend be_api in ConfigMap edge-lb-config, edited 32m ago; .*revision 4.*\) and times them out with 503 sQ after timeout queue 20s: 6 of 11/);
    expect(f?.outsideWorkload).toBeDefined();
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/maxconn 4/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back|rollout undo/i);
  });

  it('stays quiet on a queue that drains: a few expiries among many served requests', () => {
    const lines = [...Array.from({ length: 60 }, (_, i) => ok(i)), ...[1, 2].map(waited), ...[3, 4, 5].map(expired)];
    expect(analyzeFrontProxyQueue(evidence(lines))).toEqual([]);
  });
});
