// An HTTP client pool (Apache HttpClient's PoolingHttpClientConnectionManager) caps connections per
// route as well as in total; the per-route cap defaults to 2 (4.x) and is easily left there. When
// all calls go to one host, that cap — not the total, nor the called service — is what requests
// queue for ("Timeout waiting for connection from pool"). The pool's own figures in the logs say so.
import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import { readRoutePoolCap } from '../../../../src/domain/triage/route-pool-cap.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { LogEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, pod } from '../scenarios/builders.js';

const URL = 'http://rates.payments.svc.cluster.local:8080';
const STARTUP = 'INFO 1 --- [main] c.a.RatesClientConfig : rates client: PoolingHttpClientConnectionManager maxTotal=20, defaultMaxPerRoute=2, connectionRequestTimeout=2000ms';
const stats = (pending: number) => `INFO 1 --- [scheduling-1] c.a.PoolMonitor : rates pool ${URL} [leased: 2; pending: ${pending}; available: 0; max: 2]`;
const TIMEOUT = [
  `ERROR 1 --- [exec-1] c.a.QuoteController : quote failed`,
  `org.springframework.web.client.ResourceAccessException: I/O error on GET request for "${URL}/v1/rates": Timeout waiting for connection from pool; nested exception is org.apache.http.conn.ConnectionPoolTimeoutException: Timeout waiting for connection from pool`,
  'Caused by: org.apache.http.conn.ConnectionPoolTimeoutException: Timeout waiting for connection from pool',
];
/** HttpClient's own DEBUG line on each lease. */
const LEASE = '2026-11-21 03:10:00.000 DEBUG 1 --- [exec-7] h.i.c.PoolingHttpClientConnectionManager : Connection request: [route: {}->http://rates.payments.svc.cluster.local:8080][total kept alive: 0; route allocated: 2 of 2; total allocated: 2 of 20]';

function logsOf(lines: string[]): LogEvidence[] {
  return [0, 1].map((i) => ({ pod: pod(i).name, container: 'app', previous: false, lines }));
}

function scenario(lines: string[]): TriageEvidence {
  return baseEvidence({ pods: [0, 1].map((i) => pod(i)), logs: logsOf(lines) });
}

const exhausted = [STARTUP, stats(4), ...TIMEOUT, stats(61), ...TIMEOUT, ...TIMEOUT];

describe('readRoutePoolCap', () => {
  it('reads the per-route cap from the startup line, the route from the pool stats, and the newest stats', () => {
    const cap = readRoutePoolCap(logsOf(exhausted));
    expect(cap).toMatchObject({ perRoute: 2, total: 20, route: 'rates.payments.svc.cluster.local:8080', leased: 2, pending: 61 });
    expect(cap?.said).toContain('defaultMaxPerRoute=2');
  });

  it('reads HttpClient\'s own lease line: route allocated at its cap while the total has room', () => {
    const cap = readRoutePoolCap(logsOf([LEASE, ...TIMEOUT]));
    expect(cap).toMatchObject({ perRoute: 2, total: 20, route: 'rates.payments.svc.cluster.local:8080', leased: 2 });
  });

  it('does not blame the per-route cap when the total is what runs out', () => {
    const full = LEASE.replace('route allocated: 2 of 2; total allocated: 2 of 20', 'route allocated: 5 of 10; total allocated: 20 of 20');
    expect(readRoutePoolCap(logsOf([full, ...TIMEOUT]))).toBeUndefined();
    expect(readRoutePoolCap(logsOf([STARTUP.replace('maxTotal=20', 'maxTotal=2'), ...TIMEOUT]))).toBeUndefined();
  });

  it('reads nothing from a database pool\'s figures', () => {
    const hikari = 'HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=37)';
    expect(readRoutePoolCap(logsOf([hikari, hikari, hikari]))).toBeUndefined();
  });
});

describe('an HTTP client pool exhausted at its per-route cap', () => {
  it('names the per-route cap, the route and its Service, and advises raising the per-route limit', () => {
    const [f] = analyzeResourceExhaustion(scenario(exhausted));
    expect(f?.id).toBe('resource-exhaustion/http-route-pool');
    expect(f?.title).toMatch(/2 connections per route/);
    expect(f?.title).toContain('rates.payments.svc.cluster.local:8080');
    expect(f?.title).toMatch(/defaultMaxPerRoute=2/);
    expect(f?.fix).toMatch(/setDefaultMaxPerRoute|MaxPerRoute/);
    expect(f?.fix).not.toMatch(/slow queries|leak/);
    expect(f?.likelyCause).toMatch(/Service rates/);
  });

  it('says it in the headline, with no database advice', () => {
    const report = buildTriageReport(scenario(exhausted), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/per route/);
    expect(report.headline).toMatch(/pool/);
    expect(report.headline).not.toMatch(/slow queries/);
  });

  it('keeps the database pool reading when the figures are a database pool\'s', () => {
    const hikari = 'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=37)';
    const [f] = analyzeResourceExhaustion(scenario([STARTUP, hikari, hikari, hikari]));
    expect(f?.id).toBe('resource-exhaustion/connection-pool');
  });
});
