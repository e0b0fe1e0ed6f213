// A server upgraded under an unchanged client that now demands authentication the client does not
// send (Elasticsearch 8.x turns security on by default; a Redis given a password): the client's
// calls get 401 / NOAUTH, its readiness fails, and the server's own rollout is the "since". The
// "connection refused" the client logged while the server restarted is its trace, not the cause.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { analyzeReadinessProbes } from '../../../src/domain/triage/analyzers/readiness-probe.js';
import type { DependencyPodEvidence } from '../../../src/domain/triage/evidence-server-config.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { listUpgradedServerServices } from '../../../src/domain/triage/server-upgrade.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NOW, baseEvidence, container, endpointSlice, minutesAgo, pod, service } from './scenarios/builders.js';
import { serverPod, serverRevision as revision } from './scenarios/upgraded-server.js';
import { readiness503Scenario } from './scenarios/probes.js';

const DAY = 24 * 60;
const SERVER_IP = '10.96.40.12';
const ms = (ago: number) => Date.parse(minutesAgo(ago));

/** The client's log: served, refused once while the server restarted, then 401 on every call. */
function clientLog(k: number): string[] {
  const out = [
    `{"level":30,"time":${ms(80)},"msg":"request completed","res":{"statusCode":200}}`,
    `{"level":40,"time":${ms(45)},"err":{"type":"ConnectionError","message":"connect ECONNREFUSED ${SERVER_IP}:9200"},"msg":"search request failed, retrying"}`,
  ];
  for (let i = 0; i < 6; i++) {
    out.push(`{"level":50,"time":${ms(40 - i * 6 - k)},"err":{"type":"ResponseError","message":"security_exception\\n\\tRoot causes:\\n\\t\\tsecurity_exception: missing authentication credentials for REST request [/orders/_search]","meta":{"statusCode":401}},"msg":"search failed"}`);
  }
  return out;
}

function esScenario(server?: DependencyPodEvidence): TriageEvidence {
  const ev = readiness503Scenario();
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'SEARCH_ELASTIC_URL', value: 'http://orders-index.payments.svc.cluster.local:9200' }] })) }));
  ev.logs = ev.pods.slice(0, 3).map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: clientLog(k) }));
  const serverReady = serverPod('orders-index', 'elasticsearch:9.1.0').pod;
  ev.services = [...ev.services, service({ name: 'orders-index', clusterIP: SERVER_IP, selector: { app: 'orders-index' }, ports: [{ name: 'http', port: 9200, targetPort: 'http', protocol: 'TCP' }] })];
  ev.endpointSlices = [...ev.endpointSlices, endpointSlice('orders-index', [serverReady])];
  if (server) ev.dependencyPods = [server];
  return ev;
}

const upgraded = () => serverPod('orders-index', 'elasticsearch:9.1.0', { current: revision('orders-index', 4, 'abc123', 46, 'elasticsearch:9.1.0'), previous: revision('orders-index', 3, 'def456', 80 * DAY, 'elasticsearch:7.10.2') });

describe('a search cluster upgraded under a client that sends no credentials', () => {
  it('asks for the pod of the Service the client\'s address names', () => {
    expect(listUpgradedServerServices(esScenario())).toEqual(['orders-index']);
  });

  it('reads the 401 as the server now demanding authentication, since its own rollout', () => {
    const [f] = analyzeReadinessProbes(esScenario(upgraded()));
    expect(f?.title).toMatch(/401 security_exception "missing authentication credentials".*since StatefulSet orders-index rolled to revision 4 46m ago \(.*7\.10\.2 → 9\.1\.0\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.nextAction).toMatch(/credentials/);
    expect(f?.nextAction).not.toMatch(/roll ?back|undo/i);
  });

  it('leads with the refusal of credentials, not with the refused connections of the server\'s restart', () => {
    const report = buildTriageReport(esScenario(upgraded()), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/security_exception.*since StatefulSet orders-index rolled to revision 4/);
    expect(report.headline).not.toMatch(/refuses connections|no change found/);
  });

  it('tells the refused connections as earlier only, a low-confidence warning', () => {
    const refused = analyzeDependencyErrors(esScenario(upgraded())).find((f) => /ECONNREFUSED|refuses connections/.test(f.title));
    expect(refused?.confidence).toBe('low');
    expect(refused?.severity).toBe('warning');
    expect(refused?.title).toMatch(/earlier only/);
  });

  it('claims no trigger when the server did not roll out lately', () => {
    const ev = esScenario(serverPod('orders-index', 'elasticsearch:9.1.0', { current: revision('orders-index', 4, 'abc123', 30 * DAY, 'elasticsearch:9.1.0'), previous: revision('orders-index', 3, 'def456', 80 * DAY, 'elasticsearch:7.10.2') }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).not.toMatch(/since StatefulSet/);
    expect(f?.datesChange).toBeUndefined();
  });

  it('keeps refused connections current while the server still refuses them', () => {
    const ev = esScenario(upgraded());
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [...l.lines, `{"level":40,"time":${ms(1)},"err":{"type":"ConnectionError","message":"connect ECONNREFUSED ${SERVER_IP}:9200"},"msg":"search request failed, retrying"}`] }));
    const refused = analyzeDependencyErrors(ev).find((f) => /refuses connections/.test(f.title));
    expect(refused?.confidence).not.toBe('low');
    expect(refused?.title).not.toMatch(/earlier only/);
  });
});

describe('a Redis given a password under clients that stay Ready', () => {
  const noauth = (i: number) => `2026-11-21 03:${String(10 + i).padStart(2, '0')}:00,120 ERROR worker.jobs: job failed: redis.exceptions.AuthenticationError: NOAUTH Authentication required.`;
  function redisScenario(server?: DependencyPodEvidence): TriageEvidence {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_URL', value: 'redis://jobs-cache:6379/0' }] })] }));
    return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4].map(noauth) })), ...(server ? { dependencyPods: [server] } : {}) });
  }

  it('names the cache\'s rollout as the since of the NOAUTH refusals', () => {
    expect(listUpgradedServerServices(redisScenario())).toEqual(['jobs-cache']);
    const ev = redisScenario(serverPod('jobs-cache', 'redis:7.4.1', { current: revision('jobs-cache', 12, 'abc123', 25, 'redis:7.4.1'), previous: revision('jobs-cache', 11, 'def456', 40 * DAY, 'redis:6.2.14') }));
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/Redis answers NOAUTH .*since StatefulSet jobs-cache rolled to revision 12 25m ago/);
    expect(f?.datesChange).toBe(true);
    expect(f?.noRollback).toBeDefined();
  });
});
