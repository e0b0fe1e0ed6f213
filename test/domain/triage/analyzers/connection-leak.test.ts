import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readConnectionLeaks } from '../../../../src/domain/triage/connection-leak.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NOW, NS, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '');

/** HikariCP's leak report (leakDetectionThreshold set): the stack says where the connection was taken. */
function leak(m: number, conn: string, frame = 'com.shop.orders.report.MonthlyReport.loadRows(MonthlyReport.java:57)'): string[] {
  return [
    `${stamp(m)}  WARN 1 --- [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.ProxyLeakTask : Connection leak detection triggered for org.postgresql.jdbc.PgConnection@${conn} on thread http-nio-8080-exec-4, stack trace follows`,
    'java.lang.Exception: Apparent connection leak detected',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)',
    `\tat ${frame}`,
    '\tat com.shop.orders.web.ReportController.monthly(ReportController.java:33)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ];
}

const exhausted = (m: number) => `${stamp(m)} ERROR 1 --- [http-nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=12).`;

/** Revision 7 (140 minutes ago) leaks a connection per report; the pools ran dry in the last quarter hour. */
function leakingScenario(): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, {
    revisionHash: REV7.hash,
    ready: i === 2,
    createdAt: minutesAgo(139),
    startTime: minutesAgo(139),
    containers: [container({ ready: i === 2, state: running(138.5) })],
  }));
  const base = baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 1, availableReplicas: 1, currentRevision: 7 }),
    logs: pods.map((p, i) => ({
      pod: p.name,
      container: 'app',
      previous: false,
      lines: [
        ...[0, 1, 2, 3, 4].flatMap((k) => leak(118 - i * 3 - k * 20, `${i}${k}a1b2c3`)),
        ...(i < 2 ? [exhausted(12), exhausted(8), exhausted(3), exhausted(1)] : []),
      ],
    })),
    events: pods.slice(0, 2).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.10:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 30, firstSeen: minutesAgo(11), lastSeen: minutesAgo(0.5) })),
  });
  return { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(140), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

describe('connection leaks behind an exhausted pool', () => {
  it('reads the pool\'s leak reports: the application frame that took the connection, and when they began', () => {
    const leaks = readConnectionLeaks(leakingScenario().logs);
    expect(leaks?.frame).toBe('com.shop.orders.report.MonthlyReport.loadRows(MonthlyReport.java:57)');
    expect(leaks?.reports).toBe(15);
    expect(leaks?.fromFrame).toBe(15);
    expect(leaks?.first).toBe(minutesAgo(118));
  });

  it('does not count a report whose connection came back (unleaked): that was a slow holder, not a leak', () => {
    const lines = [...leak(30, 'ffee01'), `${stamp(20)}  INFO 1 --- [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.ProxyLeakTask : Previously reported leaked connection org.postgresql.jdbc.PgConnection@ffee01 on thread http-nio-8080-exec-4 was returned to the pool (unleaked)`];
    expect(readConnectionLeaks([{ pod: 'p', container: 'app', previous: false, lines }])).toBeUndefined();
  });

  it('names the leak and the frame that leaks as the mechanism of the exhausted pool, dated from the first leak report', () => {
    const [f] = analyzeResourceExhaustion(leakingScenario());
    expect(f?.id).toBe('resource-exhaustion/connection-leak');
    expect(f?.title).toMatch(/leaks pooled connections/);
    expect(f?.title).toContain('MonthlyReport.loadRows(MonthlyReport.java:57)');
    expect(f?.decisive).toMatch(/active=10/);
    expect(f?.onset).toBe(minutesAgo(118));
    expect(f?.fix).toMatch(/close|try-with-resources/);
  });

  it('finds the revision that brought the leak though the pool ran dry long after it, and advises the rollback', () => {
    const report = buildTriageReport(leakingScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(2h 20m ago/);
    expect(report.headline).toContain('MonthlyReport.loadRows');
    expect(report.headline).toMatch(/Roll back to revision 6/);
  });
});
