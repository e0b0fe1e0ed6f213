// A PostgreSQL streaming standby that cannot catch up: the primary already recycled the WAL segment
// it needs ("requested WAL segment … has already been removed"), so it runs, never streams, fails
// its readiness check, and the read-only Service that selects it alone has no ready endpoint. The
// clients' "connection refused" to that Service's IP is the symptom; re-seeding the standby and
// keeping more WAL (wal_keep_size, a replication slot) is the fix — never a restart of the clients.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyUnready } from '../../../../src/domain/triage/analyzers/dependency-unready.js';
import { findRemovedWal } from '../../../../src/domain/triage/standby-wal-gap.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, service } from '../scenarios/builders.js';

const NS = 'payments';
const SEG = '00000001000000A7000000C3';
const STANDBY_LOG = [
  '2026-11-20 22:10:00.000 UTC [1] LOG:  database system is ready to accept read-only connections',
  '2026-11-21 03:10:00.000 UTC [43] LOG:  started streaming WAL from primary at A7/C3000000 on timeline 1',
  `2026-11-21 03:10:00.000 UTC [43] FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment ${SEG} has already been removed`,
  '2026-11-21 03:10:00.000 UTC [27] LOG:  waiting for WAL to become available at A7/C3002000',
  '2026-11-21 03:10:12.000 UTC [47] LOG:  started streaming WAL from primary at A7/C3000000 on timeline 1',
  `2026-11-21 03:10:12.000 UTC [47] FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment ${SEG} has already been removed`,
];
const REFUSED = (n: number) => `2026-11-21 03:0${n}:48,000 ERROR [report_api.reports] report rpt-41${n}7 failed: psycopg.OperationalError: connection failed: connection to server at "172.20.41.7", port 5432 failed: Connection refused`;

function standbyDown(lines: readonly string[] = STANDBY_LOG): TriageEvidence {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'READONLY_DSN', value: `postgresql://report_ro@reports-db-ro.${NS}.svc.cluster.local:5432/reports` }] })] }));
  const standby = pod(1, {
    name: 'reports-db-1', ready: false, labels: { app: 'reports-db' },
    containers: [container({ name: 'postgres', ready: false })],
    volumes: [{ name: 'config', source: 'configMap', ref: 'reports-db-config' }, { name: 'scripts', source: 'configMap', ref: 'reports-db-scripts' }],
  });
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'reports-db-ro', clusterIP: '172.20.41.7', selector: { app: 'reports-db', 'statefulset.kubernetes.io/pod-name': 'reports-db-1' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432, protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED(1), REFUSED(2), REFUSED(3)] })),
    downServices: [{
      service: 'reports-db-ro', pods: [standby],
      events: [event({ object: { kind: 'Pod', name: 'reports-db-1', namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: replica not ready: streaming=0 replay_lag=177341s (max 300s)', count: 1794, firstSeen: minutesAgo(300), lastSeen: minutesAgo(0) })],
      logs: [{ pod: 'reports-db-1', container: 'postgres', previous: false, lines: [...lines] }],
    }],
  });
}

describe('a PostgreSQL standby whose WAL was removed from the primary', () => {
  it('reads the removed segment from the standby\'s own log', () => {
    expect(findRemovedWal(STANDBY_LOG)?.segment).toBe(SEG);
    expect(findRemovedWal(['2026-11-21 03:10:00.000 UTC [43] LOG:  started streaming WAL from primary at A7/C3000000 on timeline 1'])).toBeUndefined();
  });

  it('names the standby, the Service it leaves without endpoints, and the fix: re-seed it, keep more WAL', () => {
    const [f] = analyzeDependencyUnready(standbyDown());
    expect(f?.title).toMatch(/reports-db-ro/);
    expect(f?.title).toMatch(/standby reports-db-1 cannot catch up/);
    expect(f?.title).toMatch(new RegExp(`requested WAL segment ${SEG} has already been removed`));
    expect(f?.fix).toMatch(/pg_basebackup/);
    expect(f?.fix).toMatch(/wal_keep_size/);
    expect(f?.fix).toMatch(/replication slot/);
    expect(f?.fix).toMatch(/reports-db-config/);
    expect(f?.evidence.join('\n')).toMatch(/streaming=0/);
  });

  it('leads the headline over the clients\' connection refused', () => {
    const report = buildTriageReport(standbyDown(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/WAL segment/);
    expect(report.headline).toMatch(/reports-db-1/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('says nothing of a standby that streams', () => {
    expect(analyzeDependencyUnready(standbyDown(['2026-11-21 03:10:00.000 UTC [43] LOG:  started streaming WAL from primary at A7/C3000000 on timeline 1']))).toEqual([]);
  });
});
