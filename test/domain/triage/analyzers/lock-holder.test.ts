// Statements that time out at the client's lock timeout (Postgres 55P03) while the workload's own
// revision is days old: the database's log names the holding pids, a session listing printed by a
// Job says whose sessions they are and that they sit idle in transaction, and the verdict names that
// other Deployment and its rollout just before the first timeout, not the waiting workload.
import { describe, expect, it } from 'vitest';
import { analyzeLockHolder } from '../../../../src/domain/triage/analyzers/lock-holder.js';
import { listLockHolders, readApplication } from '../../../../src/domain/triage/database-locks.js';
import type { NamespaceJobEvidence, NamespaceRolloutEvidence, RolloutRevisionEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { SessionListingEvidence } from '../../../../src/domain/triage/evidence-session-listings.js';
import { findLockTimeouts, keepSessionLines, needsLockHolderRollouts, pickSessionListingRuns, readAgeMinutes, readSessionRows } from '../../../../src/domain/triage/lock-holder-sessions.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, baseEvidence, container, minutesAgo, pod, revisionContainer } from '../scenarios/builders.js';

const dsn = (user: string) => `postgres://${user}@shop-db.shop.svc.cluster.local:5432/shop`;
const timeout = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"reserve failed","error":"ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)"}`;
const pgTime = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', ' UTC');

const DB_LOG = [
  `${pgTime(30)} [9001] orders@shop app=orders-api LOG:  process 9001 still waiting for ShareLock on transaction 5501 after 1000.2 ms`,
  `${pgTime(30)} [9001] orders@shop app=orders-api DETAIL:  Process holding the lock: 7710. Wait queue: 9001.`,
  `${pgTime(20)} [9003] orders@shop app=orders-api LOG:  process 9003 still waiting for ShareLock on transaction 5501 after 1000.4 ms`,
  `${pgTime(20)} [9003] orders@shop app=orders-api DETAIL:  Process holding the lock: 7710. Wait queue: 9003.`,
  `${pgTime(10)} [9005] orders@shop app=orders-api LOG:  process 9005 still waiting for ShareLock on transaction 5620 after 1000.1 ms`,
  `${pgTime(10)} [9005] orders@shop app=orders-api DETAIL:  Process holding the lock: 7744. Wait queue: 9005.`,
  `${pgTime(10)} [9005] orders@shop app=orders-api ERROR:  canceling statement due to lock timeout`,
];

const LISTING = [
  ' pid  | application_name  | client_addr |        state        |    xact_age     | query',
  '------+-------------------+-------------+---------------------+-----------------+-------------------------------------------',
  ' 7710 | stock-reserver    | 10.1.2.3    | idle in transaction | 00:47:10.20     | SELECT * FROM stock WHERE sku = $1 FOR UPDATE',
  ' 7744 | stock-reserver    | 10.1.2.4    | idle in transaction | 00:21:03.51     | SELECT * FROM stock WHERE sku = $1 FOR UPDATE',
  ' 9007 | orders-api        | 10.1.9.9    | active              | 00:00:02.10     | UPDATE stock SET held = held + 1 WHERE sku = $1',
  '(3 rows)',
];

function rev(revision: number, createdAt: string, image: string): RolloutRevisionEvidence {
  return { revision, name: `r-${revision}`, hash: `h${revision}`, createdAt, replicas: 2, containers: [revisionContainer({ image, env: [{ name: 'DATABASE_URL', value: dsn('stock') }] })] };
}

const reserver = (newestAgo = 60): NamespaceRolloutEvidence => ({
  deployment: 'stock-reserver',
  labels: { app: 'stock-reserver' },
  revisions: [rev(5, minutesAgo(newestAgo), 'registry.example.com/stock-reserver:2.4.0'), rev(4, minutesAgo(30 * 24 * 60), 'registry.example.com/stock-reserver:2.3.1')],
});

function scene(over: { lines?: string[]; dbLog?: string[]; listing?: SessionListingEvidence[]; rollouts?: NamespaceRolloutEvidence[] } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: dsn('orders') }] })] }));
  const dbPod = pod(0, { name: 'shop-db-0', labels: { app: 'shop-db' }, containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: over.lines ?? [35, 25, 15, 5].map(timeout) })),
    dependencyPods: [{ service: 'shop-db', pod: dbPod, logs: [{ pod: dbPod.name, container: 'postgres', previous: false, lines: over.dbLog ?? DB_LOG }] }],
    sessionListings: over.listing ?? [{ database: 'shop-db', job: 'pg-sessions-1', pod: 'pg-sessions-1-abcde', container: 'psql', createdAt: minutesAgo(3), lines: LISTING }],
    namespaceRollouts: over.rollouts ?? [reserver()],
  });
}

describe('reading lock timeouts, holders and session listings', () => {
  it('counts lock timeouts (not statement timeouts) and asks for the rollouts only for several', () => {
    const ev = scene();
    expect(findLockTimeouts(ev)).toMatchObject({ code: '55P03', onset: minutesAgo(35) });
    expect(findLockTimeouts(ev)?.hits).toHaveLength(8);
    expect(needsLockHolderRollouts(scene({ lines: [timeout(5)] }))).toBeUndefined();
    expect(needsLockHolderRollouts(scene({ lines: ['ERROR: canceling statement due to statement timeout', 'x', 'ERROR: canceling statement due to statement timeout'] }))).toBeUndefined();
    expect(needsLockHolderRollouts(ev)).toBeDefined();
  });

  it('lists every holder the waits name, most named first, and reads application_name from an app= prefix', () => {
    expect(listLockHolders(DB_LOG)).toEqual([{ pid: '7710', waits: 2 }, { pid: '7744', waits: 1 }]);
    expect(readApplication(DB_LOG, '9001')).toBe('orders-api');
    expect(readApplication(['2026-01-01 00:00:00 UTC [42] etl@dw/nightly-load LOG:  statement: BEGIN'], '42')).toBe('nightly-load');
  });

  it('parses psql session tables by their column names and keeps only them from a log', () => {
    const rows = readSessionRows(LISTING);
    expect(rows.map((r) => r.pid)).toEqual(['7710', '7744', '9007']);
    expect(rows[0]).toMatchObject({ application: 'stock-reserver', client: '10.1.2.3', state: 'idle in transaction', age: '00:47:10.20' });
    expect(readAgeMinutes(rows[0]?.age)).toBeCloseTo(47.17, 1);
    expect(readAgeMinutes('1 day 02:00:00')).toBe(1560);
    expect(keepSessionLines(['SELECT now();', ' now', '-----', ' 2026-01-01', '', ...LISTING, ''])).toEqual([LISTING[0], ...LISTING.slice(2, 5)]);
    expect(readSessionRows([' id | name', '----+-----', ' 1 | x'])).toEqual([]);
  });

  it('picks the psql runs of the hour against the database, newest first', () => {
    const job = (name: string, ago: number, cmd: string[]): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(ago), state: 'complete', commandAndEnv: cmd });
    const jobs = { jobs: [
      job('snap-1', 25, ['psql', '-h', 'shop-db', '-f', '/sql/x.sql']),
      job('snap-2', 5, ['psql', '-h', 'shop-db.shop.svc', '-f', '/sql/x.sql']),
      job('snap-old', 120, ['psql', '-h', 'shop-db']),
      job('other-db', 4, ['psql', '-h', 'reports-db']),
      job('not-psql', 4, ['pg_dump', '-h', 'shop-db']),
    ], complete: true };
    expect(pickSessionListingRuns(jobs, 'shop-db', NOW).map((j) => j.name)).toEqual(['snap-2', 'snap-1']);
  });
});

describe('statements that time out on locks another client holds', () => {
  it('names the holder, its idle-in-transaction sessions and its rollout, and rolls that one back', () => {
    const [f] = analyzeLockHolder(scene());
    expect(f?.kind).toBe('lock-wait');
    expect(f?.title).toBe("Statements time out on row locks held by stock-reserver's sessions on shop-db (pids 7710 and 7744, idle in transaction for up to 47 min) since its revision 5 (2.4.0, 1h ago): 8 lock timeouts (SQLSTATE 55P03) in 2 ready pods");
    expect(f?.fix).toMatch(/^roll stock-reserver back to revision 4 \(2\.3\.1\), end those sessions on shop-db \(SELECT pg_terminate_backend\(pid\) for 7710 and 7744\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeDefined();
    const report = buildTriageReport(scene(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Statements time out on row locks held by stock-reserver's sessions/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('without a listing, names the pids the database log gives and the client on the same database that rolled out', () => {
    const [f] = analyzeLockHolder(scene({ listing: [] }));
    expect(f?.title).toMatch(/^Statements time out on row locks held by stock-reserver's sessions on shop-db \(pids 7710 and 7744\) since its revision 5/);
    expect(f?.evidence.join('\n')).toMatch(/both use database shop on shop-db \(DATABASE_URL\)/);
  });

  it('blames no rollout that came after the first timeout, and stays silent with no holder named', () => {
    const [f] = analyzeLockHolder(scene({ rollouts: [reserver(10)] }));
    expect(f?.title).toMatch(/^Statements time out on row locks held by stock-reserver's sessions on shop-db \(pids 7710 and 7744, idle in transaction for up to 47 min\): 8 lock timeouts/);
    expect(f?.datesChange).toBeUndefined();
    expect(analyzeLockHolder(scene({ dbLog: DB_LOG.filter((l) => !l.includes('holding')), listing: [] }))).toEqual([]);
    expect(analyzeLockHolder(scene({ lines: [timeout(5)] }))).toEqual([]);
  });
});

describe('whose sessions hold the locks', () => {
  const listing = (application: string): SessionListingEvidence[] => [{ database: 'shop-db', job: 'pg-sessions-1', pod: 'p', container: 'psql', createdAt: minutesAgo(3), lines: LISTING.map((l) => l.replace(/stock-reserver   /g, application.padEnd(17))) }];

  it('does not send the workload elsewhere when its own sessions hold the locks', () => {
    const [f] = analyzeLockHolder(scene({ listing: listing(`${APP}/1.2.0`) }));
    expect(f?.title).toMatch(/^Statements time out on row locks held by its own sessions on shop-db \(pids 7710 and 7744, idle in transaction/);
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.nextAction).not.toMatch(/Do not change the workload/);
  });

  it('names no holder after a driver\'s default application_name', () => {
    const [f] = analyzeLockHolder(scene({ listing: listing('PostgreSQL JDBC Driver'), rollouts: [] }));
    expect(f?.title).toMatch(/^Statements time out on row locks held by other sessions on shop-db/);
  });
});

describe('what the fix guards against', () => {
  it('advises idle_in_transaction_session_timeout only for sessions seen idle in transaction', () => {
    expect(analyzeLockHolder(scene())[0]?.fix).toMatch(/set idle_in_transaction_session_timeout/);
    const [f] = analyzeLockHolder(scene({ listing: [] }));
    expect(f?.fix).not.toMatch(/idle_in_transaction_session_timeout/);
    expect(f?.fix).toMatch(/keep its transactions short$/);
  });
});
