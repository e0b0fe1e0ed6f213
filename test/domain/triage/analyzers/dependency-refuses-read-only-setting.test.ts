// Writes refused as read-only by a primary that was never demoted: a maintenance Job froze writes
// with a read-only default (default_transaction_read_only, MySQL read_only) hours before and died
// before its reset. The Job and the setting are the since, the fix resets it, and no failover is
// claimed when nothing read shows one.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { ReadOnlyJobLogEvidence } from '../../../../src/domain/triage/evidence-read-only-jobs.js';
import type { NamespaceJobEvidence } from '../../../../src/domain/triage/evidence.js';
import { needsReadOnlyJobs, pickReadOnlyRuns } from '../../../../src/domain/triage/read-only-setting.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const PG_REFUSED = 'org.postgresql.util.PSQLException: ERROR: cannot execute INSERT in a read-only transaction';
const MY_REFUSED = 'Error 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement';
const FAILOVER = /failover|promot/i;

function refused(line: string, env: { name: string; value: string }[], runs: ReadOnlyJobLogEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line, line] })), readOnlyJobLogs: runs });
}

function run(lines: string[], over: Partial<ReadOnlyJobLogEvidence> = {}): ReadOnlyJobLogEvidence {
  return { job: 'ledger-purge-manual-k2x9p', owner: { kind: 'CronJob', name: 'ledger-purge' }, pod: 'ledger-purge-manual-k2x9p-5vq7d', container: 'purge', createdAt: minutesAgo(160), finishedAt: minutesAgo(152), state: 'failed', lines, ...over };
}

const pgEnv = [{ name: 'PGHOST', value: 'ledger-db' }];
const FROZE = "+ psql -v ON_ERROR_STOP=1 -c 'ALTER DATABASE ledger SET default_transaction_read_only = on;'";
const OWN_SESSION = "+ PGOPTIONS='-c default_transaction_read_only=off'";

describe('writes refused as read-only by a setting a Job left on', () => {
  it('names the Job and the setting as the since, and the reset as the fix, without a failover', () => {
    const [f] = analyzeDependencyRefusals(refused(PG_REFUSED, pgEnv, [run([FROZE, OWN_SESSION])]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-db refuses writes: its sessions default to read-only \(default_transaction_read_only = on for database ledger\), since Job ledger-purge-manual-k2x9p \(CronJob ledger-purge\) set it 2h 40m ago and failed 2h 32m ago before resetting it/);
    expect(f?.fix).toMatch(/ALTER DATABASE ledger RESET default_transaction_read_only/);
    expect(f?.fix).toMatch(/reconnect/);
    expect(f?.evidence.join('\n')).toMatch(/log of Job ledger-purge-manual-k2x9p \(CronJob ledger-purge\) \(pod ledger-purge-manual-k2x9p-5vq7d\): .*ALTER DATABASE ledger SET default_transaction_read_only = on/);
    for (const said of [f?.title, f?.likelyCause, f?.nextAction]) expect(said).not.toMatch(FAILOVER);
    expect(f?.affected?.jobs).toEqual(['ledger-purge']);
  });

  it('puts the setting and the Job in the headline, with no "no change found" and no rollback', () => {
    const report = buildTriageReport(refused(PG_REFUSED, pgEnv, [run([FROZE])]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/default_transaction_read_only = on for database ledger/);
    expect(report.headline).toMatch(/CronJob ledger-purge/);
    expect(report.headline).toMatch(/ALTER DATABASE ledger RESET default_transaction_read_only/);
    expect(report.headline).not.toMatch(/no change found|roll ?back|failover|promot/i);
  });

  it('names no Job whose log reset the setting after freezing, and claims no failover when nothing shows one', () => {
    const [f] = analyzeDependencyRefusals(refused(PG_REFUSED, pgEnv, [run([FROZE, "+ psql -c 'ALTER DATABASE ledger RESET default_transaction_read_only;'"], { state: 'complete' })]));
    expect(f?.title).toMatch(/^PostgreSQL ledger-db refuses writes: the client is connected to a read-only server/);
    expect(f?.title).not.toMatch(/ledger-purge/);
    expect(f?.likelyCause).not.toMatch(FAILOVER);
    expect(f?.fix).toMatch(/pg_is_in_recovery\(\).*default_transaction_read_only/);
  });

  it('names a MySQL writer a Job turned read-only (SET GLOBAL super_read_only = ON)', () => {
    const [f] = analyzeDependencyRefusals(refused(MY_REFUSED, [{ name: 'MYSQL_HOST', value: 'shop-mysql' }], [run(["mysql -e 'SET GLOBAL super_read_only = ON'"])]));
    expect(f?.title).toMatch(/^MySQL shop-mysql refuses writes: its sessions default to read-only \(super_read_only = ON \(global\)\), since Job ledger-purge-manual-k2x9p/);
    expect(f?.fix).toMatch(/SET GLOBAL read_only = OFF/);
    expect(f?.likelyCause).not.toMatch(FAILOVER);
  });
});

describe('which Jobs are read for it', () => {
  const job = (name: string, agoMin: number, over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(agoMin), state: 'complete', ...over });

  it('only when writes are refused as read-only', () => {
    expect(needsReadOnlyJobs(refused(PG_REFUSED, pgEnv, []))).toBe(true);
    expect(needsReadOnlyJobs(baseEvidence())).toBe(false);
  });

  it('looks back hours, not minutes: a database Job of the day first, at most three', () => {
    const jobs = [
      job('report-1', 20),
      job('archive-manual-1', 158, { state: 'failed', commandAndEnv: ['/bin/bash', '-xc', 'psql -c "..."', 'PGHOST=ledger-db'] }),
      job('report-2', 50),
      job('report-3', 80),
      job('old-archive', 30 * 60, { commandAndEnv: ['PGHOST=ledger-db'] }),
    ];
    expect(pickReadOnlyRuns({ jobs, complete: true }, NOW).map((j) => j.name)).toEqual(['archive-manual-1', 'report-1', 'report-2']);
  });
});
