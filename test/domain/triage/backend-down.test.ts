import { describe, expect, it } from 'vitest';
import { analyzeBackendDown } from '../../../src/domain/triage/analyzers/backend-down.js';
import type { BackendDownEvidence } from '../../../src/domain/triage/evidence-backend-down.js';
import { findBackendDown, pickBackendDownRead, probePath, readHaproxyBackendCheck, serviceOfHost } from '../../../src/domain/triage/haproxy-backend-down.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const CFG = [
  'defaults',
  '  mode http',
  'frontend fe_main',
  '  bind :8080',
  '  default_backend be_ledger',
  'backend be_other',
  '  option httpchk GET /status',
  `  server o1 other.${NS}.svc.cluster.local:8080 check`,
  'backend be_ledger',
  '  balance roundrobin',
  '  option httpchk GET /ping',
  '  http-check expect status 200',
  `  server-template node 2 ledger-api.${NS}.svc.cluster.local:9000 resolvers dns init-addr none check inter 3s`,
].join('\n');

/** HAProxy's httplog time, `minutes` before NOW. */
const hapAt = (minutes: number) => {
  const d = new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
  return `[21/Nov/2026:${d.slice(11, 23)}]`;
};
const served = (m: number, srv = 'node1') => `10.1.0.5:41000 ${hapAt(m)} fe_main be_ledger/${srv} 0/0/1/9/10 200 900 - - ---- 3/3/0/0/0 0/0 "GET /v2/entries HTTP/1.1"`;
const refused = (m: number) => `10.1.0.5:41001 ${hapAt(m)} fe_main be_ledger/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 5/5/0/0/0 0/0 "GET /v2/entries HTTP/1.1"`;
const down = (s: number, left: number) => `[WARNING]  (7) : Server be_ledger/node${s} is DOWN, reason: Layer7 wrong status, code: 404, info: "Not Found", check duration: 2ms. ${left} active and 0 backup servers left.`;
const up = (s: number) => `[WARNING]  (7) : Server be_ledger/node${s} is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers left.`;
const empty = `[ALERT]    (7) : backend 'be_ledger' has no server available!`;

const outage = [served(40), down(1, 1), down(2, 0), empty, ...[18, 16, 14, 12, 10, 8].map(refused)];

function evidence(lines: string[], bd?: BackendDownEvidence) {
  const pods = [0, 1].map((i) => pod(i, {
    containers: [container({ name: 'haproxy', volumeMounts: [{ name: 'cfg', mountPath: '/usr/local/etc/haproxy' }] } as never)],
    volumes: [{ name: 'cfg', source: 'configMap', ref: 'edge-haproxy-cfg' }],
  } as never));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'haproxy', previous: false, lines })), ...(bd !== undefined ? { backendDown: bd } : {}) });
}

const rev = (revision: number, agoMin: number, tag: string, ready: string) => ({
  revision, name: `ledger-api-${revision}`, createdAt: minutesAgo(agoMin), images: [`registry.example/ledger-api:${tag}`],
  probes: [{ readiness: `GET :9000${ready} every 10s, timeout 1s, 3 failures`, liveness: `GET :9000${ready} every 10s, timeout 1s, 3 failures` }],
});
const moved: BackendDownEvidence = {
  configMap: 'edge-haproxy-cfg', key: 'haproxy.cfg', check: readHaproxyBackendCheck(CFG, 'be_ledger')!, service: 'ledger-api',
  rollout: { service: 'ledger-api', deployment: 'ledger-api', revisions: [rev(8, 21, '3.2.0', '/probe/ready'), rev(7, 9000, '3.1.4', '/ping')] },
};

describe('HAProxy that marked every server of a backend DOWN by its own health check', () => {
  it('reads the backend from the log, its check and servers from the config', () => {
    expect(findBackendDown(evidence(outage).logs)).toMatchObject({ backend: 'be_ledger', servers: ['node1', 'node2'], reason: 'Layer7 wrong status, code: 404', answer: '503 SC--', refused: 12 });
    expect(readHaproxyBackendCheck(CFG, 'be_ledger')).toEqual({ backend: 'be_ledger', host: `ledger-api.${NS}.svc.cluster.local`, checkLine: 'option httpchk GET /ping', checkPath: '/ping', expectLine: 'http-check expect status 200' });
    expect(readHaproxyBackendCheck('backend b\n  http-check send meth GET uri /hc ver HTTP/1.1\n  server s x:80 check', 'b')?.checkPath).toBe('/hc');
    expect(serviceOfHost(`ledger-api.${NS}.svc.cluster.local`, NS)).toBe('ledger-api');
    expect(serviceOfHost('ledger-api.elsewhere.svc', NS)).toBeUndefined();
    expect(serviceOfHost('10.0.0.1', NS)).toBeUndefined();
    expect(probePath('GET :9000/probe/ready every 10s, timeout 1s, 3 failures')).toBe('/probe/ready');
    const ev = evidence(outage);
    expect(pickBackendDownRead({ logs: ev.logs, pods: ev.pods })).toEqual({ configMap: 'edge-haproxy-cfg', backend: 'be_ledger' });
  });

  it('names the 503s, the DOWN backend, the failing check and the servers\' revision that moved the path', () => {
    const ev = evidence(outage, moved);
    const [f] = analyzeBackendDown(ev);
    expect(f?.title).toMatch(/answers 503 to every request \(<NOSRV> SC--\): HAProxy marked all 2 servers \(node1, node2\) of backend be_ledger DOWN — its check GET \/ping gets 404 from ledger-api since ledger-api revision 8 \(3\.2\.0, 21m ago\), whose own probes moved from \/ping to \/probe\/ready/);
    expect(f?.fix).toMatch(/point the health check of backend be_ledger at \/probe\/ready in ConfigMap edge-haproxy-cfg .* or restore \/ping in ledger-api/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).not.toBe('healthy');
    expect(report.headline).toMatch(/be_ledger/);
    expect(report.headline).toMatch(/\/ping/);
  });

  it('still names the outage from the log alone when the config could not be read', () => {
    const [f] = analyzeBackendDown(evidence(outage));
    expect(f?.title).toMatch(/HAProxy marked all 2 servers \(node1, node2\) of backend be_ledger DOWN \(Layer7 wrong status, code: 404\) since 18m ago/);
    expect(f?.confidence).toBe('medium');
  });

  it('stays quiet on one server DOWN while the others serve, and on a backend that came back', () => {
    expect(analyzeBackendDown(evidence([served(40), down(1, 1), served(30, 'node2'), served(20, 'node2')]))).toEqual([]);
    expect(analyzeBackendDown(evidence([down(1, 1), down(2, 0), empty, refused(300), refused(299), refused(298), up(1), served(200), served(100)]))).toEqual([]);
    expect(analyzeBackendDown(evidence([down(1, 1), down(2, 0), empty, refused(300), refused(299), refused(298), served(200)]))).toEqual([]);
  });
});
