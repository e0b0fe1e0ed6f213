// Server-side prepared statements through a transaction-mode pooler: "prepared statement "S_1"
// already exists" (42P05) and "… does not exist" (26000) on ready pods whose database URL leads
// to PgBouncer are the pooling mode against the client's named statements, dated by the revision
// that pointed the URL there; the pooler being up is not in question.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { findPoolerRoute } from '../../../src/domain/triage/pooled-prepared-statements.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, service, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const RDS = 'jdbc:postgresql://payments-prod.cluster-a1b2c3.eu-west-1.rds.amazonaws.com:5432/payments?sslmode=require';
const BOUNCER = 'jdbc:postgresql://pgbouncer.payments.svc.cluster.local:6432/payments';

const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, '.000Z');

function failure(m: number, name: string, exists: boolean): string[] {
  const pg = exists ? `ERROR: prepared statement "${name}" already exists` : `ERROR: prepared statement "${name}" does not exist`;
  return [
    `${stamp(m)}  WARN 1 --- [nio-8080-exec-7] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: ${exists ? '42P05' : '26000'}`,
    `${stamp(m)} ERROR 1 --- [nio-8080-exec-7] o.h.engine.jdbc.spi.SqlExceptionHelper   : ${pg}`,
    `org.postgresql.util.PSQLException: ${pg}`,
    '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
  ];
}

function scenario(url: string, opts: { services?: TriageEvidence['services'] } = {}): TriageEvidence {
  const env = (u: string) => [{ name: 'DATABASE_URL', value: u }, { name: 'DATABASE_PASSWORD', ref: { kind: 'secret' as const, name: 'payments-db', key: 'password' } }];
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(25 - i), startTime: minutesAgo(25 - i), containers: [container({ env: env(url) })] }));
  const logs = pods.slice(0, 2).map((p): LogEvidence => ({
    pod: p.name,
    container: 'app',
    previous: false,
    lines: [`${stamp(24)}  INFO 1 --- [main] c.a.payments.Application : Started Application in 14.2 seconds`, ...failure(6, 'S_1', true), ...failure(4, 'S_3', false), ...failure(2, 'S_2', true), ...failure(1, 'S_3', false)],
  }));
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7, templateContainers: [container({ env: env(url) })] }),
    revisions: [
      revision(REV6, minutesAgo(2 * 24 * 60), { containers: [revisionContainer({ env: env(RDS) })] }),
      revision(REV7, minutesAgo(26), { replicas: 3, containers: [revisionContainer({ env: env(url) })] }),
    ],
    ...(opts.services ? { services: opts.services } : {}),
  });
}

describe('prepared statements through a transaction-mode pooler', () => {
  it('names the prepared-statement errors through PgBouncer\'s transaction pooling, dated by the revision that moved the URL', () => {
    const r = buildTriageReport(scenario(BOUNCER, { services: [service(), service({ name: 'pgbouncer', selector: { app: 'pgbouncer' }, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer', protocol: 'TCP' }] })] }), times);
    expect(r.headline).toMatch(/^Since revision 7 \(26m ago: app env DATABASE_URL/);
    expect(r.headline).toMatch(/prepared statement "S_1" already exists/);
    expect(r.headline).toMatch(/PgBouncer/);
    // The pool mode is not read: the bot says why it must be transaction pooling, not that it saw it.
    expect(r.headline).toMatch(/transaction pooling \(the only mode that gives these errors\)/);
    expect(r.headline).not.toMatch(/pool_mode = transaction/);
    expect(r.headline).toMatch(/prepareThreshold=0/);
    const all = r.findings.map((f) => `${f.title}\n${f.likelyCause}\n${f.nextAction}`).join('\n');
    expect(all).toMatch(/42P05/);
    expect(all).toMatch(/26000/);
    expect(all).toMatch(/max_prepared_statements/);
    expect(all).not.toMatch(/pgbouncer[^\n]*(down|crash|not ready|unavailable|restart)/i);
  });

  it('quotes pool_mode when the pooler\'s pod env was read and says it', () => {
    const ev = scenario(BOUNCER);
    const bouncerPod = pod(0, { name: 'pgbouncer-7d9f8c6b5-k2m5n', labels: { app: 'pgbouncer' }, containers: [container({ name: 'pgbouncer', image: 'docker.io/bitnami/pgbouncer:1.20.1', env: [{ name: 'PGBOUNCER_POOL_MODE', value: 'transaction' }] })] });
    const r = buildTriageReport({ ...ev, calledServices: [{ service: 'pgbouncer', pods: [bouncerPod], events: [] }] }, times);
    expect(r.headline).toMatch(/pool_mode = transaction/);
  });

  it('reads the errors from a structured (JSON) log, whose quotes around the statement name are escaped, and names pgx\'s fix', () => {
    const ev = scenario(BOUNCER.replace(/^jdbc:postgresql:/, 'postgres:'), { services: [service(), service({ name: 'pgbouncer', selector: { app: 'pgbouncer' } })] });
    const json = (m: number, name: string, exists: boolean) => `{"time":"${stamp(m)}","level":"ERROR","msg":"query failed","err":"ERROR: prepared statement \\"${name}\\" ${exists ? 'already exists (SQLSTATE 42P05)' : 'does not exist (SQLSTATE 26000)'}"}`;
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [json(6, 'stmtcache_5f1e2d3c4b5a6978', true), json(4, 'stmtcache_0a1b2c3d4e5f6071', false), json(2, 'stmtcache_5f1e2d3c4b5a6978', true)] }));
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/prepared statement "stmtcache_5f1e2d3c4b5a6978" already exists \(42P05\)/);
    expect(r.headline).toMatch(/through PgBouncer .* in transaction pooling/);
    expect(r.headline).toMatch(/default_query_exec_mode=exec/);
  });

  it('without a pooler in the pods\' env, hedges: the usual cause, not a PgBouncer it never saw', () => {
    const r = buildTriageReport(scenario(RDS.replace('payments-prod', 'payments-next')), times);
    expect(r.headline).toMatch(/prepared statement "S_1" already exists/);
    expect(r.headline).not.toMatch(/through PgBouncer/);
    expect(r.headline).toMatch(/transaction-mode connection pooler/);
  });
});

describe('where the database URL leads', () => {
  it('reads a pooler from a URL, a libpq key/value string or neither', () => {
    const svc = [service({ name: 'pgbouncer' })];
    expect(findPoolerRoute([container({ env: [{ name: 'DATABASE_URL', value: BOUNCER }] })], svc)).toMatchObject({ env: 'DATABASE_URL', host: 'pgbouncer.payments.svc.cluster.local', port: 6432, product: 'PgBouncer' });
    expect(findPoolerRoute([container({ env: [{ name: 'PG_DSN', value: 'host=pgbouncer port=6432 dbname=orders' }] })], svc)).toMatchObject({ env: 'PG_DSN', host: 'pgbouncer', port: 6432, product: 'PgBouncer' });
    expect(findPoolerRoute([container({ env: [{ name: 'DATABASE_URL', value: RDS }] })], svc)).toBeUndefined();
  });
});
