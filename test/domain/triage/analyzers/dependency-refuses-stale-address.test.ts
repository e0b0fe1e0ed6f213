import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { EndpointSliceEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, pod, service } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:13:56.000Z' };
const OLD_IP = '10.0.33.172';
const REFUSED = '2026-11-21T03:13:00.000Z ERROR 1 --- [io-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: cannot execute INSERT in a read-only transaction';
const WATCHDOG = `2026-11-21T03:13:30.000Z  WARN 1 --- [scheduling-1] c.a.db.PrimaryWatchdog : primary check: orders-db.payments.svc.cluster.local/${OLD_IP}:5432 reports pg_is_in_recovery=true`;

const slice = (svc: string, pod: string, ip: string): EndpointSliceEvidence => ({ name: `${svc}-x1`, service: svc, endpoints: [{ addresses: [ip], ready: true, podName: pod }], ports: [{ port: 5432, protocol: 'TCP' }] });

/** A JVM service writing to PostgreSQL through orders-db; orders-pg failed over from -0 to -1. */
function failoverScenario(opts: { javaOpts?: string; clusterIP?: string } = {}): TriageEvidence {
  const env = [
    { name: 'JAVA_TOOL_OPTIONS', value: opts.javaOpts ?? '-XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=-1' },
    { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.payments.svc.cluster.local:5432/orders' },
  ];
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [WATCHDOG, REFUSED, REFUSED] })) });
  return {
    ...base,
    services: [...base.services, service({ name: 'orders-db', selector: { 'spilo-role': 'master' }, ...(opts.clusterIP ? { clusterIP: opts.clusterIP } : {}) }), service({ name: 'orders-pg-repl', selector: { 'spilo-role': 'replica' }, clusterIP: '172.20.4.9' })],
    endpointSlices: [...base.endpointSlices, slice('orders-db', 'orders-pg-1', '10.0.34.18'), slice('orders-pg-repl', 'orders-pg-0', OLD_IP)],
  };
}

describe('writes refused by a demoted primary that a JVM still reaches through its DNS cache', () => {
  it('names the cache flag, the stale address and the pod the name points at now', () => {
    const [f] = analyzeDependencyRefusals(failoverScenario());
    expect(f?.title).toMatch(/^PostgreSQL orders-db refuses writes: the JVMs cached its old address \(-Dsun\.net\.inetaddr\.ttl=-1\) and still connect to 10\.0\.33\.172 \(orders-pg-0\), read-only since a failover; orders-db now points at orders-pg-1/);
    expect(f?.likelyCause).toMatch(/headless Service/);
    expect(f?.likelyCause).not.toMatch(/restarting them will not help/);
    expect(f?.fix).toMatch(/^restart the pods so they resolve orders-db again \(kubectl .*rollout restart deployment\/payment-service/);
  });

  it('keeps the server-side reading behind a ClusterIP Service, whose address never moves, or with a short cache', () => {
    for (const ev of [failoverScenario({ clusterIP: '172.20.4.8' }), failoverScenario({ javaOpts: '-Dsun.net.inetaddr.ttl=30' }), failoverScenario({ javaOpts: '-Xmx1g' })]) {
      const [f] = analyzeDependencyRefusals(ev);
      expect(f?.title).toMatch(/^PostgreSQL orders-db refuses writes: the client is connected to a read-only server/);
      expect(f?.title).not.toMatch(/cached/);
    }
  });

  it('reads networkaddress.cache.ttl too', () => {
    const [f] = analyzeDependencyRefusals(failoverScenario({ javaOpts: '-Dnetworkaddress.cache.ttl=-1' }));
    expect(f?.title).toMatch(/cached its old address \(-Dnetworkaddress\.cache\.ttl=-1\)/);
  });

  it('heads the verdict with the stale cache and the restart that clears it', () => {
    const report = buildTriageReport(failoverScenario(), times);
    expect(report.headline).toMatch(/cached its old address/);
    expect(report.headline).toMatch(/orders-pg-1/);
    expect(report.headline).toMatch(/Restart the pods so they resolve orders-db again/);
  });
});
