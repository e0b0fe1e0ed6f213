/**
 * A table or column the app needs is missing because the migration Job meant to create it failed:
 * the app's crash ("Schema-validation: missing table/column", PostgreSQL 42P01/42703, MySQL
 * 1146/1054, Rails' pending migrations) is the consequence, the Job's own error is the cause. A
 * rollback of the app creates nothing; the migration must be fixed and re-run. Readings of known
 * refusals say how (MySQL's sql_require_primary_key, ERROR 3750; PostgreSQL 15's schema public
 * closed to non-owners; a migration tool's lock another run holds, migration-lock.ts).
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence, TriageEvidence } from './evidence.js';
import type { FailedMigrationLogEvidence } from './evidence-failed-migration-logs.js';
import { LOCK_TIMEOUT } from './lock-holder-sessions.js';
import { findMigrationLockWait } from './migration-lock.js';
import { MIGRATION, findConnectRole } from './pg-privilege.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** How a table the app needs is said to be missing, with the table's name in the first group. */
const MISSING_TABLE: readonly RegExp[] = [
  /Schema-validation: missing table \[([^\]]+)\]/i,
  /relation "([^"]+)" does not exist/i,
  /Table '([^']+)' doesn't exist/i,
  /no such table: (\S+)/i,
];

/** How a column the app maps is said to be missing: the column in group 1, its table (where said) in group 2. */
const MISSING_COLUMN: readonly RegExp[] = [
  /Schema-validation: missing column \[([^\]]+)\] in table \[([^\]]+)\]/i,
  /column "?([\w.]+)"? of relation "?([\w.]+)"? does not exist/i,
  /column "?([\w.]+)"? does not exist/i,
  /Unknown column '([^']+)' in/i,
  /no such column: ([\w.]+)/i,
];

/** A framework that refuses to start while migrations are pending (Rails). */
const PENDING_MIGRATIONS = /ActiveRecord::PendingMigrationError|\bMigrations are pending\b/i;

/** A failed Job this long before collection may still be why the table is missing. */
const WITHIN_MS = 24 * HOUR_MS;
/** Runs whose logs are read: the newest failed ones. */
const MAX_RUNS = 2;
/** Lines kept per run, and their length. */
const MAX_LINES = 10;
const MAX_CHARS = 300;

/** The lines of a migration's log that carry its failure: the tool's error and the database's code and message. */
const FAILURE_LINE = /\bERROR\b|\bError Code\s*:|\bSQL State\s*:|\bMessage\s*:|\bfailed\b|\bSQLSTATE\b|\bException\b|permission denied/i;
/** A Python traceback's last line names the exception class and the database's words ("psycopg2.errors.InsufficientPrivilege: …"). */
const EXCEPTION_HEAD = /^\s*[\w.]+(?:Error|Exception|Privilege|Violation)\b\s*:/;
/** Traceback glue that carries no refusal of its own. */
const TRACEBACK_GLUE = /^\s*(?:The above exception was|During handling of the above exception)|^\s*\(Background on this error at/i;

export interface MissingTable {
  table: string;
  line: string;
}

/** The table a log line says is missing, from the lines given (last first). */
export function findMissingTable(lines: readonly string[]): MissingTable | undefined {
  for (const line of [...lines].reverse()) {
    // A JSON log line escapes the database's quotes (relation \"orders\"): read it as the database wrote it.
    const plain = line.replace(/\\"/g, '"');
    for (const re of MISSING_TABLE) {
      const m = re.exec(plain);
      if (m?.[1]) return { table: m[1], line: line.trim() };
    }
  }
  return undefined;
}

export interface MissingSchema {
  noun: 'table' | 'column' | 'migrations';
  /** "table orders", "column gift_note of table orders", "the schema of its pending migrations". */
  what: string;
  line: string;
}

/** The table, column or pending migrations a log line says the schema lacks, from the lines given (last first). */
export function findMissingSchema(lines: readonly string[]): MissingSchema | undefined {
  for (const line of [...lines].reverse()) {
    // A column first: PostgreSQL's 'column "x" of relation "t" does not exist' also reads as a missing relation.
    const plain = line.replace(/\\"/g, '"');
    for (const re of MISSING_COLUMN) {
      const m = re.exec(plain);
      if (m?.[1]) return { noun: 'column', what: `column ${m[1]}${m[2] ? ` of table ${m[2]}` : ''}`, line: line.trim() };
    }
    const table = findMissingTable([line]);
    if (table !== undefined) return { noun: 'table', what: `table ${table.table}`, line: table.line };
    if (PENDING_MIGRATIONS.test(line)) return { noun: 'migrations', what: 'the schema of its pending migrations', line: line.trim() };
  }
  return undefined;
}

/** Whether the namespace's Jobs are worth one list: the workload (not a Job) logs a missing table or column, or pending migrations. */
export function needsFailedMigrationJobs(target: Pick<TriageEvidence['target'], 'kind'>, logs: readonly LogEvidence[]): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return logs.some((l) => findMissingSchema(l.lines.slice(-80)) !== undefined);
}

/** The failed migration Jobs of the namespace (by name or command) that ended within a day, newest first, at most two; none unless the schema lacks something. */
export function pickFailedMigrationRuns(ev: { target: Pick<TriageEvidence['target'], 'kind'>; logs: readonly LogEvidence[]; namespaceJobs?: NamespaceJobsEvidence }, now: IsoTime): NamespaceJobEvidence[] {
  if (!needsFailedMigrationJobs(ev.target, ev.logs)) return [];
  const recent = (j: NamespaceJobEvidence): boolean => j.state === 'failed' && j.finishedAt !== undefined && msBetween(j.finishedAt, now) <= WITHIN_MS && MIGRATION.test([j.name, ...(j.commandAndEnv ?? [])].join(' '));
  return (ev.namespaceJobs?.jobs ?? []).filter(recent).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(0, MAX_RUNS);
}

/** A statement that sets a role's or database's search_path, when the tool echoes it: what the migration changed before it failed (role-search-path.ts). */
const SEARCH_PATH_SET = /\bALTER\s+(?:ROLE|USER|DATABASE)\b.*\bSET\s+search_path\b/i;

/** The lines of a failed migration's log worth keeping: its error and the database's refusal, and a search_path it set. */
export function keepMigrationFailureLines(lines: readonly string[]): string[] {
  return lines.filter((l) => (!TRACEBACK_GLUE.test(l) && (FAILURE_LINE.test(l) || EXCEPTION_HEAD.test(l)) && l.replace(/\bERROR:?\s*/i, '').trim() !== '') || SEARCH_PATH_SET.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/** A database refusal a migration meets, known well enough to say why and how to fix it. */
interface RefusalReading {
  sign: RegExp;
  /** The refusal in brief, for the headline. */
  brief: string;
  why: string;
  /** The fix; `<role>` stands for the role the Job connects as. */
  fix: string;
}

const REFUSALS: readonly RefusalReading[] = [
  {
    sign: /\b3750\b|sql_require_primary_key|without a primary key/i,
    brief: "MySQL ERROR 3750: a table without a primary key while sql_require_primary_key is set",
    why: "MySQL 8.0.13+ refuses to create or change a table without a primary key while the system variable sql_require_primary_key is ON (managed MySQL parameter groups may turn it on, e.g. in an engine upgrade), so a migration that creates a table with only secondary keys fails and the table is never created.",
    fix: 'add a primary key to the table in the migration (or have the DBA unset sql_require_primary_key for the session or the parameter group), then re-run the migration Job',
  },
  {
    sign: /permission denied for schema "?public"?/i,
    brief: 'permission denied for schema public (42501): its role may not CREATE there, the PostgreSQL 15+ default for a role that does not own the schema',
    why: "Since PostgreSQL 15 the public schema no longer grants CREATE to every role (PUBLIC): only the database owner (pg_database_owner) may create there, and GRANT ALL ON DATABASE does not reach the schema. A migration role that is not the owner cannot create its first table, so no table is created.",
    fix: 'grant the migration role the schema privilege (`GRANT USAGE, CREATE ON SCHEMA public TO <role>`, or make it the owner of the database or schema), then re-run the migration Job',
  },
  {
    sign: LOCK_TIMEOUT,
    brief: 'its schema change hit its lock timeout waiting for a lock on the table',
    why: "A schema change (ALTER TABLE, CREATE INDEX without CONCURRENTLY) needs a strong lock on its table and waits behind every open transaction that holds a lock on that table (a long query, a session idle in a transaction); at its lock timeout the database cancels the statement and the migration aborts, so nothing is applied. The migration itself is fine.",
    fix: 're-run the migration Job once no long transaction holds a lock on the table (end the holder first: pg_stat_activity and pg_locks, or SHOW PROCESSLIST on MySQL)',
  },
];

export interface FailedMigration {
  run: FailedMigrationLogEvidence;
  missing: MissingSchema;
  /** The database's refusal, quoted from the Job's log. */
  refusal?: string;
  reading?: RefusalReading;
  /** The role the Job connects as, when its literal env says so. */
  role?: string;
}

/** A migration that gave up on its tool's lock (a Liquibase changelog lock another run left held): who holds it, and how to release it. */
function readLockRefusal(run: FailedMigrationLogEvidence): RefusalReading | undefined {
  const wait = findMigrationLockWait([{ pod: run.pod, container: run.container, previous: false, lines: run.lines }]);
  if (wait === undefined) return undefined;
  const by = wait.holder ? ` by ${wait.holder}` : '';
  return {
    sign: wait.tool.wait,
    brief: `it could not acquire ${wait.tool.name}, held${by}`,
    why: `The lock is a row in the database (${wait.tool.lock}), not a session's lock: a run that died or was stopped while holding it${by ? ` (here held${by})` : ''} never released it, so every run of the Job waits for it and gives up.`,
    fix: `make sure no migration runs${by ? ` (the lock is held${by})` : ''}, release ${wait.tool.name} (${wait.tool.release}), then re-run the migration Job`,
  };
}

/** The failed migration Job whose log says why, when the app's log says a table or column is missing, or migrations pending. */
export function findFailedMigration(lines: readonly string[], runs: readonly FailedMigrationLogEvidence[], jobs: readonly NamespaceJobEvidence[] = []): FailedMigration | undefined {
  const missing = findMissingSchema(lines);
  const run = runs[0];
  if (missing === undefined || run === undefined) return undefined;
  const reading = REFUSALS.find((r) => run.lines.some((l) => r.sign.test(l))) ?? readLockRefusal(run);
  const refusal = (reading ? run.lines.find((l) => reading.sign.test(l) && /Message|ERROR/i.test(l)) ?? run.lines.find((l) => reading.sign.test(l)) : undefined)
    ?? run.lines.find((l) => /Message\s*:|SQLSTATE|ERROR \d{4}/i.test(l)) ?? run.lines[run.lines.length - 1];
  const role = findConnectRole(jobs.find((j) => j.name === run.job)?.commandAndEnv ?? []);
  return { run, missing, ...(refusal ? { refusal: refusal.replace(/^Message\s*:\s*/i, '') } : {}), ...(reading ? { reading } : {}), ...(role ? { role } : {}) };
}

/** The words of a finding: the failed migration is the cause, the missing table or column its consequence, the migration the fix. */
export function tellFailedMigration(f: FailedMigration): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const job = f.run.job;
  const noun = f.missing.noun === 'migrations' ? 'schema' : f.missing.noun;
  const what = f.reading?.brief ?? (f.refusal ? `"${f.refusal.slice(0, 140)}"` : 'see its log');
  const fix = (f.reading?.fix ?? 'fix what the migration Job\'s log names, then re-run the migration Job').replace(/<role>/g, f.role ?? '<migration role>');
  return {
    title: `: migration Job ${job} failed: ${what}; the app's ${f.missing.what} is missing`,
    cause: `The app needs ${f.missing.what}, which its migration Job ${job} was to create, but the Job failed${f.refusal ? ` ("${f.refusal.slice(0, 200)}")` : ''}, so the new revision fails at start ("${f.missing.line.slice(-140)}").${f.reading ? ` ${f.reading.why}` : ''} A rollback of the app does not create the ${noun} (it is a mitigation only if the old revision does not need it).`,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; the app's pods start once the ${noun} exists.`,
    fix,
    evidence: [`Job ${job}: failed${f.run.finishedAt ? ` at ${f.run.finishedAt}` : ''}`, ...f.run.lines.slice(-4).map((l) => `log ${f.run.pod} (Job ${job}): ${l}`)],
  };
}
