/**
 * A schema change queued on a table's metadata lock: ALTER TABLE (even ALGORITHM=INPLACE,
 * LOCK=NONE, and the cut-over of pt-online-schema-change or gh-ost) needs the table's exclusive
 * metadata lock for a moment, and it cannot have it while any transaction that touched the table is
 * still open — typically an idle connection ("Sleep" in the processlist) that began a transaction
 * and never committed. While the ALTER waits ("Waiting for table metadata lock"), every later
 * statement on that table queues behind it, so the workload's queries hang until their
 * lock_wait_timeout (Error 1205) or their own request timeout. The workload and the server are
 * fine; killing the idle transaction (or the ALTER) releases the queue at once, and the migration
 * is rerun with a short lock_wait_timeout.
 *
 * The migration Jobs of the namespace are read only when the workload's queries time out on locks;
 * a run is linked only when its own log shows a DDL statement waiting for the metadata lock.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence } from './evidence.js';
import type { MigrationLockRunEvidence } from './evidence-migration-lock-runs.js';
import { findLockWaits, MIN_LOCK_WAITS } from './dump-lock.js';
import { MIGRATION } from './pg-privilege.js';

const MAX_RUNS = 2;
const MAX_LINES = 40;
const MAX_CHARS = 400;

export const METADATA_LOCK_WAIT = /Waiting for table metadata lock/i;
/** A schema change: the statements that need a table's exclusive metadata lock, and the online tools that run them. */
const DDL = /\b(?:ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+(?:TABLE|INDEX)|RENAME\s+TABLE|TRUNCATE\s+TABLE|OPTIMIZE\s+TABLE)\b/i;
const SCHEMA_TOOL = /gh-ost|pt-online-schema-change|\balter\b|\bddl\b/i;
/** A processlist's header row (SHOW [FULL] PROCESSLIST, information_schema.PROCESSLIST). */
const PROCESSLIST_HEADER = /\bId\b.*\bUser\b.*\bCommand\b.*\bTime\b/i;

/** Whether the namespace's running schema changes are worth a log read: the workload's queries time out on locks. */
export function needsMetadataLockRuns(target: { kind: string }, logs: readonly LogEvidence[]): boolean {
  return target.kind !== 'Job' && target.kind !== 'CronJob' && findLockWaits(logs).length >= MIN_LOCK_WAITS;
}

/** The schema-change Jobs that run now (by name or command): at most two, the newest first. */
export function pickMetadataLockRuns(jobs: NamespaceJobsEvidence): NamespaceJobEvidence[] {
  const fits = (j: NamespaceJobEvidence): boolean => j.state === 'running' && [MIGRATION, SCHEMA_TOOL].some((re) => re.test([j.name, ...(j.commandAndEnv ?? [])].join(' ')));
  return jobs.jobs.filter(fits).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).slice(0, MAX_RUNS);
}

/** The lines of a schema change's log worth keeping: its DDL statements, metadata-lock waits, processlist headers and idle (Sleep) connections. */
export function keepMetadataLockLines(lines: readonly string[]): string[] {
  const keep = lines.filter((l) => DDL.test(l) || METADATA_LOCK_WAIT.test(l) || PROCESSLIST_HEADER.test(l) || readProcessRow(l)?.command === 'Sleep' || /lock_wait_timeout/i.test(l));
  const clipped = keep.map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
  // The first DDL statement and the newest listing.
  return clipped.length <= MAX_LINES ? clipped : [...clipped.slice(0, 2), ...clipped.slice(-(MAX_LINES - 2))];
}

export interface ProcessRow { id: string; user: string; host: string; command: string; time: number; state: string; info: string }

/** One processlist row: tab- or |-separated Id, User, Host, db, Command, Time, State, Info. */
export function readProcessRow(line: string): ProcessRow | undefined {
  const cells = (line.includes('\t') ? line.split('\t') : line.split('|').slice(1, -1)).map((c) => c.trim());
  const [id, user, host, , command, time, state = '', ...info] = cells;
  if (id === undefined || !/^\d+$/.test(id) || user === undefined || host === undefined || command === undefined || time === undefined || !/^\d+$/.test(time)) return undefined;
  if (!/^(?:Sleep|Query|Connect|Execute|Daemon|Binlog Dump)/.test(command)) return undefined;
  return { id, user, host, command, time: Number(time), state, info: info.join(' ').trim() };
}

export interface MetadataLockQueue {
  run: MigrationLockRunEvidence;
  /** The DDL statement the run waits with. */
  statement: string;
  table?: string;
  /** The run's line that shows the statement waiting for the metadata lock. */
  waitLine: string;
  /** How long the DDL has waited, in seconds, from its processlist row. */
  waitedS?: number;
  /** How many other statements queue behind it in its newest listing. */
  queued: number;
  /** An idle connection older than the wait: the likely open transaction the DDL waits for. */
  holder?: ProcessRow & { job?: NamespaceJobEvidence };
  waits: { pod: string; line: string }[];
}

const TABLE = /ALTER\s+TABLE\s+`?([\w.]+)`?|(?:ON|TABLE)\s+`?([\w.]+)`?/i;

/** The newest processlist the run printed: the rows after its last header. */
function lastListing(lines: readonly string[]): ProcessRow[] {
  const at = lines.map((l, i) => (PROCESSLIST_HEADER.test(l) ? i : -1)).filter((i) => i >= 0).at(-1);
  return (at === undefined ? lines : lines.slice(at + 1)).flatMap((l) => readProcessRow(l) ?? []);
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The schema change the workload's queries queue behind: a running migration whose log shows its DDL waiting for the metadata lock. */
export function findMetadataLockQueue(ev: { logs: readonly LogEvidence[]; metadataLockRuns?: readonly MigrationLockRunEvidence[] | undefined; namespaceJobs?: { jobs: readonly NamespaceJobEvidence[] } | undefined; collectedAt: IsoTime }): MetadataLockQueue | undefined {
  const waits = findLockWaits(ev.logs);
  if (waits.length < MIN_LOCK_WAITS) return undefined;
  for (const run of ev.metadataLockRuns ?? []) {
    if (run.state !== 'running') continue;
    const rows = lastListing(run.lines);
    const ddlRow = rows.find((r) => METADATA_LOCK_WAIT.test(r.state) && DDL.test(r.info));
    const waitLine = ddlRow ? run.lines.findLast((l) => readProcessRow(l)?.id === ddlRow.id && METADATA_LOCK_WAIT.test(l)) : run.lines.findLast((l) => METADATA_LOCK_WAIT.test(l) && DDL.test(l));
    if (waitLine === undefined) continue;
    const statement = ddlRow?.info ?? (DDL.exec(waitLine) ? waitLine.slice(DDL.exec(waitLine)?.index ?? 0) : waitLine);
    const m = TABLE.exec(statement);
    const table = m?.[1] ?? m?.[2];
    const queued = rows.filter((r) => r !== ddlRow && METADATA_LOCK_WAIT.test(r.state)).length;
    const idle = rows.filter((r) => r.command === 'Sleep' && (ddlRow === undefined || r.time > ddlRow.time)).sort((a, b) => b.time - a.time)[0];
    const job = idle === undefined ? undefined : (ev.namespaceJobs?.jobs ?? []).find((j) => j.state === 'running' && norm(idle.user).length >= 4 && [j.owner?.name ?? '', j.name].some((n) => norm(n).startsWith(norm(idle.user))));
    const holder = idle === undefined ? undefined : { ...idle, ...(job ? { job } : {}) };
    return { run, statement, ...(table ? { table } : {}), waitLine, ...(ddlRow ? { waitedS: ddlRow.time } : {}), queued, ...(holder ? { holder } : {}), waits };
  }
  return undefined;
}
