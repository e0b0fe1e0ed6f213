/**
 * A database that refuses writes because its log cannot be reused until a backup takes it: SQL
 * Server in FULL recovery truncates its transaction log only after a log backup, so when the log
 * backups stop succeeding the log grows to its max size and every write fails with error 9002
 * "The transaction log for database 'x' is full due to 'LOG_BACKUP'"; PostgreSQL keeps every WAL
 * segment its archive_command has not archived, until pg_wal has no room left. The client's own
 * log says only that its writes fail. What stopped is a maintenance run: where a CronJob of the
 * namespace takes the backups (its name or command says backup/archive), its runs failed since its
 * last success, and the newest failed run's log says why (an expired credential, a refused
 * destination). That CronJob is the cause; the database and the client are fine.
 */
import type { BackupJobLogEvidence } from './evidence-backup-jobs.js';
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence } from './evidence.js';

export type LogEngine = 'SQL Server' | 'PostgreSQL';

/** What the store says when its log waits for a backup: the engine, the database when named, the words to quote. */
export interface LogAwaitsBackup {
  engine: LogEngine;
  database?: string;
  /** The store's own words, from the first line that says it. */
  said: string;
  /** The workload's lines that say it, per pod. */
  lines: { pod: string; line: string }[];
}

/** SQL Server 9002 with the log_reuse_wait that only a log backup clears. */
const SQLSERVER_LOG_FULL = /The transaction log for database '([^']+)' is full due to 'LOG_BACKUP'/i;
/** PostgreSQL cannot write a new WAL segment: pg_wal is out of room (archiving that fails keeps every segment). */
const PG_WAL_FULL = /could not (?:write to|extend|create) file "?pg_wal\/[^":]*"?: No space left on device/i;

/** A CronJob that takes backups or archives a database's log, by its name or its command. */
const BACKUP_LIKE = /backup|\barchiv|wal-g|walg|pgbackrest|barman|pg_basebackup|pg_receivewal|\bBACKUP\s+(LOG|DATABASE)\b/i;
/** A run that backs up the log itself (not a nightly full): preferred when several CronJobs back up. */
const LOG_BACKUP = /\bBACKUP\s+LOG\b|log[-_ ]?backup|\bwal\b|wal-g|pg_receivewal|archive/i;

/** The lines of a backup run's log worth keeping: its errors, clipped. */
const ERROR_WORDS = /\bMsg \d+|\berror\b|\bfail|denied|forbidden|expired|not correct|refused|AuthenticationFailed|AuthorizationFailure|\bFATAL\b|terminat/i;
/** The line that says why, before the generic "terminating abnormally": a system error, a refusal by the destination. */
const CAUSE_WORDS = /Operating system error|denied|forbidden|expired|not correct|AuthenticationFailed|AuthorizationFailure|\b40[13]\b|No such|not found|refused|timed? ?out|certificate/i;
const MAX_LINES = 12;
const MAX_CHARS = 400;
const MAX_RUNS = 1;

/** What the store said, when a line of the workload's logs says its log waits for a backup. */
export function findLogAwaitsBackup(logs: readonly LogEvidence[]): LogAwaitsBackup | undefined {
  const lines: { pod: string; line: string; engine: LogEngine; database?: string; said: string }[] = [];
  for (const l of logs) {
    if (l.previous) continue;
    for (const line of l.lines) {
      const ms = SQLSERVER_LOG_FULL.exec(line);
      if (ms) lines.push({ pod: l.pod, line, engine: 'SQL Server', ...(ms[1] ? { database: ms[1] } : {}), said: ms[0] });
      const pg = ms ? null : PG_WAL_FULL.exec(line);
      if (pg) lines.push({ pod: l.pod, line, engine: 'PostgreSQL', said: pg[0] });
    }
  }
  const first = lines[0];
  if (first === undefined) return undefined;
  const same = lines.filter((x) => x.engine === first.engine);
  return { engine: first.engine, ...(first.database ? { database: first.database } : {}), said: first.said, lines: same.map(({ pod, line }) => ({ pod, line })) };
}

/** Whether the namespace's Jobs are worth a list: the workload's writes are refused for a log that waits for a backup. */
export function needsBackupJobs(target: { kind: string }, logs: readonly LogEvidence[]): boolean {
  return target.kind !== 'Job' && target.kind !== 'CronJob' && findLogAwaitsBackup(logs) !== undefined;
}

/** A backup CronJob whose runs fail: its newest failed run, and the newest run that succeeded. */
export interface FailingBackup {
  cronJob: string;
  newestFailed: NamespaceJobEvidence;
  /** The failed runs kept since the last success. */
  failedRuns: number;
  /** When its newest successful run ended; absent when none is kept. */
  lastSuccessAt?: IsoTime;
}

/** The backup-like CronJob of the namespace whose newest finished run failed: one that backs up the log and names the database first. */
export function findFailingBackup(jobs: NamespaceJobsEvidence | undefined, database?: string): FailingBackup | undefined {
  const byOwner = new Map<string, NamespaceJobEvidence[]>();
  for (const j of jobs?.jobs ?? []) {
    if (j.owner?.kind !== 'CronJob') continue;
    byOwner.set(j.owner.name, [...(byOwner.get(j.owner.name) ?? []), j]);
  }
  const found: (FailingBackup & { rank: number })[] = [];
  for (const [cronJob, runs] of byOwner) {
    const command = runs.flatMap((r) => r.commandAndEnv ?? []).join(' ');
    if (!BACKUP_LIKE.test(`${cronJob} ${command}`)) continue;
    const finished = runs.filter((r) => r.state === 'complete' || r.state === 'failed').sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    const newest = finished[0];
    if (newest?.state !== 'failed') continue;
    const lastGood = finished.find((r) => r.state === 'complete');
    const failedRuns = finished.filter((r) => r.state === 'failed' && (lastGood === undefined || (r.createdAt ?? '') > (lastGood.createdAt ?? ''))).length;
    const namesDb = database !== undefined && command.toLowerCase().includes(database.toLowerCase());
    const rank = (LOG_BACKUP.test(`${cronJob} ${command}`) ? 0 : 2) + (namesDb ? 0 : 1);
    found.push({ cronJob, newestFailed: newest, failedRuns, ...(lastGood?.finishedAt ? { lastSuccessAt: lastGood.finishedAt } : {}), rank });
  }
  const best = found.sort((a, b) => a.rank - b.rank)[0];
  if (best === undefined) return undefined;
  const { rank: _rank, ...rest } = best;
  return rest;
}

/** The runs whose log is worth reading: the newest failed run of the failing backup CronJob. */
export function pickBackupRuns(jobs: NamespaceJobsEvidence | undefined, logs: readonly LogEvidence[]): NamespaceJobEvidence[] {
  const said = findLogAwaitsBackup(logs);
  if (said === undefined) return [];
  const failing = findFailingBackup(jobs, said.database);
  return failing ? [failing.newestFailed].slice(0, MAX_RUNS) : [];
}

/** The lines of a backup run's log that say it failed, clipped. */
export function keepBackupErrorLines(lines: readonly string[]): string[] {
  return lines.filter((l) => ERROR_WORDS.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/**
 * Why the run failed, in its own words: the line that names a cause (an OS error, a refusal, an
 * expiry) with the message header before it ("Msg 4305, Level 16 …" → "Msg 4305: …"); else its first error line.
 */
export function quoteBackupError(lines: readonly string[]): string | undefined {
  const at = lines.findIndex((l) => CAUSE_WORDS.test(l) && !/^Msg \d+,/.test(l));
  const i = at >= 0 ? at : lines.findIndex((l) => ERROR_WORDS.test(l) && !/^Msg \d+,/.test(l));
  if (i < 0) return lines[0];
  const header = /^(Msg \d+),/.exec(lines[i - 1] ?? '')?.[1];
  return header ? `${header}: ${lines[i] ?? ''}` : lines[i];
}

/** The newest failed run's log, when it was read. */
export function findBackupRunLog(read: readonly BackupJobLogEvidence[] | undefined, failing: FailingBackup): BackupJobLogEvidence | undefined {
  return (read ?? []).find((r) => r.job === failing.newestFailed.name);
}
