import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import { findFailingBackup, findLogAwaitsBackup, keepBackupErrorLines, needsBackupJobs, pickBackupRuns, quoteBackupError } from '../../../src/domain/triage/log-awaits-backup.js';
import { analyzeLogAwaitsBackup } from '../../../src/domain/triage/analyzers/log-awaits-backup.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const DAY = 24 * 60;

/** A .NET client: a generic line of its own first, the driver's error under it. */
const refusal = (m: number): string[] => [
  'fail: Ledger.Api.PostingsController[0]',
  `      ${minutesAgo(m)} Posting entry for batch B-17 failed`,
  "      Microsoft.Data.SqlClient.SqlException (0x80131904): The transaction log for database 'ledger' is full due to 'LOG_BACKUP'.",
  '      Error Number:9002,State:2,Class:17',
];

function pods(): PodEvidence[] {
  return [0, 1].map((i) => pod(i));
}

function logs(ps: readonly PodEvidence[]): LogEvidence[] {
  return ps.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...refusal(9), ...refusal(3)] }));
}

const run = (cron: string, n: number, ago: number, state: NamespaceJobEvidence['state'], command: string): NamespaceJobEvidence => ({
  name: `${cron}-${n}`, owner: { kind: 'CronJob', name: cron }, createdAt: minutesAgo(ago), finishedAt: minutesAgo(ago - 1), state, commandAndEnv: ['/bin/sh', '-c', command],
});

const LOG_BACKUP_CMD = 'sqlcmd -S ledger-db -Q "BACKUP LOG [ledger] TO URL = N\'https://backups.example.net/ledger/log.trn\'"';
const jobs = (): NamespaceJobEvidence[] => [
  ...[3, 2, 1].map((k) => run('ledger-db-txlog', k, 3 * DAY + k * 15, 'complete', LOG_BACKUP_CMD)),
  run('ledger-db-txlog', 9, 20, 'failed', LOG_BACKUP_CMD),
  // A nightly full backup that still works, and a failing Job that backs nothing up.
  run('ledger-db-full', 1, 8 * 60, 'complete', 'sqlcmd -S ledger-db -Q "BACKUP DATABASE [ledger] TO URL = N\'https://backups.example.net/ledger/full.bak\'"'),
  run('report-mailer', 4, 30, 'failed', 'python -m mailer'),
];

const RUN_LOG = [
  'Msg 3201, Level 16, State 1, Server ledger-db-0, Line 1',
  "Cannot open backup device 'https://backups.example.net/ledger/log.trn'. Operating system error 5(Access is denied.).",
  'Msg 3013, Level 16, State 1, Server ledger-db-0, Line 1',
  'BACKUP LOG is terminating abnormally.',
];

describe('findLogAwaitsBackup', () => {
  it('reads SQL Server 9002 for LOG_BACKUP and PostgreSQL out of room in pg_wal, not another log_reuse_wait', () => {
    const ps = pods();
    expect(findLogAwaitsBackup(logs(ps))).toMatchObject({ engine: 'SQL Server', database: 'ledger' });
    expect(findLogAwaitsBackup(logs(ps))?.lines).toHaveLength(4);
    expect(findLogAwaitsBackup([{ pod: 'p', container: 'app', previous: false, lines: ['ERROR: could not write to file "pg_wal/xlogtemp.81": No space left on device'] }])).toMatchObject({ engine: 'PostgreSQL' });
    expect(findLogAwaitsBackup([{ pod: 'p', container: 'app', previous: false, lines: ["The transaction log for database 'ledger' is full due to 'ACTIVE_TRANSACTION'."] }])).toBeUndefined();
    expect(needsBackupJobs({ kind: 'Deployment' }, logs(ps))).toBe(true);
    expect(needsBackupJobs({ kind: 'CronJob' }, logs(ps))).toBe(false);
  });
});

describe('findFailingBackup', () => {
  it('finds the log-backup CronJob whose newest run failed, with its last success', () => {
    const f = findFailingBackup({ jobs: jobs(), complete: true }, 'ledger');
    expect(f).toMatchObject({ cronJob: 'ledger-db-txlog', failedRuns: 1, lastSuccessAt: minutesAgo(3 * DAY + 15 - 1) });
    expect(f?.newestFailed.name).toBe('ledger-db-txlog-9');
    expect(pickBackupRuns({ jobs: jobs(), complete: true }, logs(pods())).map((j) => j.name)).toEqual(['ledger-db-txlog-9']);
  });

  it('names none when every backup run succeeds or no CronJob backs up', () => {
    const ok = jobs().filter((j) => j.state === 'complete' || j.owner?.name === 'report-mailer');
    expect(findFailingBackup({ jobs: ok, complete: true }, 'ledger')).toBeUndefined();
  });
});

describe('quoteBackupError', () => {
  it('quotes the line that says why, with its message number, not "terminating abnormally"', () => {
    expect(quoteBackupError(keepBackupErrorLines(RUN_LOG))).toBe("Msg 3201: Cannot open backup device 'https://backups.example.net/ledger/log.trn'. Operating system error 5(Access is denied.).");
    expect(quoteBackupError(['ERROR: WAL archive push failed: AccessDenied: Access Denied', 'exit status 1'])).toMatch(/AccessDenied/);
  });
});

describe('analyzeLogAwaitsBackup', () => {
  it('names the refusal, the failing CronJob with its last success and its error, and blames no revision', () => {
    const ps = pods();
    const ev = { ...baseEvidence({ pods: ps, logs: logs(ps) }), namespaceJobs: { jobs: jobs(), complete: true }, backupJobLogs: [{ job: 'ledger-db-txlog-9', owner: { kind: 'CronJob', name: 'ledger-db-txlog' }, pod: 'ledger-db-txlog-9-x', container: 'backup', lines: keepBackupErrorLines(RUN_LOG) }] };
    const [f] = analyzeLogAwaitsBackup(ev);
    expect(f?.title).toMatch(/SQL Server refuses every write to database ledger: "The transaction log for database 'ledger' is full due to 'LOG_BACKUP'"/);
    expect(f?.title).toMatch(/every run of CronJob ledger-db-txlog has failed since its last success 3d/);
    expect(f?.title).toContain('Msg 3201: Cannot open backup device');
    expect(f?.outsideWorkload).toBeDefined();
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/LOG_BACKUP/);
    expect(r.headline).toMatch(/CronJob ledger-db-txlog/);
    expect(r.headline).not.toMatch(/Posting entry for batch/);
  });

  it('says the log waits for a backup without inventing who takes them when no backup CronJob fails', () => {
    const ps = pods();
    const [f] = analyzeLogAwaitsBackup(baseEvidence({ pods: ps, logs: logs(ps) }));
    expect(f?.title).toMatch(/LOG_BACKUP/);
    expect(f?.title).toMatch(/none of the namespace's CronJobs is seen taking them/);
    expect(f?.confidence).toBe('medium');
  });
});
