/**
 * A server that refuses writes as read-only is not always a standby. A primary refuses them too
 * when its sessions default to read-only: a maintenance script freezes writes with
 * `ALTER DATABASE <db> SET default_transaction_read_only = on` (PostgreSQL) or
 * `SET GLOBAL read_only = ON` (MySQL), and resets it as its last step; one that dies before that
 * step leaves every new session read-only, hours later. Reads work, the pods stay Ready, and a
 * failover reading sends the on-call looking for a promotion that never happened.
 * The sign that asks for the Jobs' logs: the workload's writes are refused as read-only. The
 * setting outlasts the Job, so the look-back is the day, not the minutes before the first refusal.
 */
import type { ReadOnlyJobLogEvidence } from './evidence-read-only-jobs.js';
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence, TriageEvidence } from './evidence.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

export type ReadOnlyEngine = 'PostgreSQL' | 'MySQL';

/** The client's write refused as read-only: PostgreSQL 25006, MySQL 1290 (--read-only / --super-read-only). */
export const READ_ONLY_REFUSAL = /cannot execute \w+ in a read-only transaction|running with the --(super-)?read-only option/i;
/** A line of a Job's log that names a read-only setting, on or off. */
const READ_ONLY_SETTING = /default_transaction_read_only|SESSION CHARACTERISTICS AS TRANSACTION READ|\b(super_)?read_only\b/i;
/** What a Job that may touch a database runs: its client, its tools, its address variables. */
const TALKS_TO_DATABASE = /\b(psql|pg_dump|pg_restore|pg_\w+|mysql\w*|mariadb\w*|PGHOST|PGDATABASE|DATABASE_URL|MYSQL_\w+|jdbc:|postgres(ql)?:\/\/|mysql:\/\/)|read_only/i;

/** A Job that set it within the day still holds it: a maintenance run hours before the refusals. */
export const READ_ONLY_LEAD_MS = 24 * HOUR_MS;
const MAX_RUNS = 3;
const MAX_LINES = 8;
const MAX_CHARS = 400;

/** PostgreSQL: `ALTER DATABASE appdb SET default_transaction_read_only = on` (or ROLE/USER x, or SYSTEM). */
const PG_ON = /\bALTER\s+(DATABASE|ROLE|USER|SYSTEM)\s+(?:("[^"]+"|[\w$.{}-]+)\s+)?(?:IN\s+DATABASE\s+\S+\s+)?SET\s+default_transaction_read_only\s*(?:=|\bTO\b)\s*'?(on|true|yes|1)\b/i;
const PG_OFF = /\bALTER\s+(DATABASE|ROLE|USER|SYSTEM)\s+(?:("[^"]+"|[\w$.{}-]+)\s+)?(?:IN\s+DATABASE\s+\S+\s+)?(?:RESET\s+(?:default_transaction_read_only|ALL)\b|SET\s+default_transaction_read_only\s*(?:=|\bTO\b)\s*'?(off|false|no|0|DEFAULT)\b)/i;
/** A session's own default: it reaches other clients only through a pooler that hands the server connection on. */
const PG_SESSION_ON = /SET\s+SESSION\s+CHARACTERISTICS\s+AS\s+TRANSACTION\s+READ\s+ONLY/i;
const PG_SESSION_OFF = /SET\s+SESSION\s+CHARACTERISTICS\s+AS\s+TRANSACTION\s+READ\s+WRITE|\bDISCARD\s+ALL\b/i;
/** MySQL: `SET GLOBAL super_read_only = ON`, `SET PERSIST read_only = 1`, `SET @@GLOBAL.read_only = ON`. */
const MY_ON = /\bSET\s+(?:(GLOBAL|PERSIST)\s+|@@(GLOBAL|PERSIST)\.)((?:super_)?read_only)\s*(?:=|\bTO\b)\s*'?(ON|1|TRUE)\b/i;
const MY_OFF = /\bSET\s+(?:(GLOBAL|PERSIST)\s+|@@(GLOBAL|PERSIST)\.)((?:super_)?read_only)\s*(?:=|\bTO\b)\s*'?(OFF|0|FALSE)\b/i;

/**
 * A server's own word that it is a standby, or that its role moved: Patroni's "a secondary, and
 * following a leader", a demotion or promotion, PostgreSQL entering standby mode or promoted, a
 * MySQL replica's I/O thread. Where the pods the client reaches say so, a failover (or an address
 * at a replica) explains the read-only refusal, not a setting.
 */
const STANDBY_OR_MOVED = /a secondary, and following a leader|demot(ed|ing) (self|myself)|promoted self to leader|entering standby mode|ready to accept read-only connections|received promote request|selected new timeline ID|started streaming WAL from primary|(Slave|Replica) I\/O thread\b.*\b(connected|started)\b/i;

/** The first line of the server's logs that says it is a standby or its role moved. */
export function findStandbySign(logs: readonly LogEvidence[]): string | undefined {
  for (const l of logs) {
    const line = l.lines.find((x) => STANDBY_OR_MOVED.test(x));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The read-only setting a Job left on, what it covers and how to turn it off. */
export interface ReadOnlyLeftOn {
  run: ReadOnlyJobLogEvidence;
  /** The line of its log that set it. */
  line: string;
  /** "default_transaction_read_only = on for database appdb", "super_read_only = ON (global)". */
  setting: string;
  /** The statement that turns it off, on the server. */
  reset: string;
  /** A session's default, not the database's: it reaches other clients only through a pooler. */
  session?: true;
}

/** Whether the workload's writes are refused as read-only: the logs of recent Jobs are worth reading then. */
export function needsReadOnlyJobs(ev: { target: Pick<TriageEvidence['target'], 'kind'>; logs: readonly LogEvidence[] }): boolean {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return false;
  return ev.logs.some((l) => l.lines.some((x) => READ_ONLY_REFUSAL.test(x)));
}

/** The Jobs of the namespace that started within the day: those that talk to a database first, then failed ones, newest first; at most three. */
export function pickReadOnlyRuns(jobs: NamespaceJobsEvidence | undefined, now: IsoTime): NamespaceJobEvidence[] {
  const recent = (jobs?.jobs ?? []).filter((j) => j.createdAt !== undefined && msBetween(j.createdAt, now) >= 0 && msBetween(j.createdAt, now) <= READ_ONLY_LEAD_MS);
  const rank = (j: NamespaceJobEvidence): number => ((j.commandAndEnv ?? []).some((t) => TALKS_TO_DATABASE.test(t)) ? 0 : 2) + (j.state === 'failed' ? 0 : 1);
  return recent.sort((a, b) => rank(a) - rank(b) || (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).slice(0, MAX_RUNS);
}

/** The lines of a Job's log that set or reset a read-only setting. */
export function keepReadOnlySettingLines(lines: readonly string[]): string[] {
  return lines.filter((l) => READ_ONLY_SETTING.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/** A name a shell left unexpanded (`${PGDATABASE}`) says nothing: the fix names a placeholder then. */
function nameOr(name: string | undefined, placeholder: string): string {
  return name === undefined || /[${}]/.test(name) ? placeholder : name.replace(/^"|"$/g, '');
}

function readPostgres(line: string): Omit<ReadOnlyLeftOn, 'run' | 'line'> | undefined {
  const m = PG_ON.exec(line);
  if (m) {
    const kind = (m[1] ?? '').toUpperCase() === 'USER' ? 'ROLE' : (m[1] ?? '').toUpperCase();
    if (kind === 'SYSTEM') return { setting: 'default_transaction_read_only = on server-wide (ALTER SYSTEM)', reset: 'ALTER SYSTEM RESET default_transaction_read_only; SELECT pg_reload_conf()' };
    const name = nameOr(m[2], kind === 'DATABASE' ? '<db>' : '<role>');
    return { setting: `default_transaction_read_only = on for ${kind === 'DATABASE' ? 'database' : 'role'} ${name}`, reset: `ALTER ${kind} ${name} RESET default_transaction_read_only` };
  }
  if (PG_SESSION_ON.test(line)) return { setting: 'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY', reset: 'SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE (or DISCARD ALL) on the server connections a pooler hands on', session: true };
  return undefined;
}

function readMysql(line: string): Omit<ReadOnlyLeftOn, 'run' | 'line'> | undefined {
  const m = MY_ON.exec(line);
  if (!m) return undefined;
  const scope = (m[1] ?? m[2] ?? 'GLOBAL').toUpperCase();
  const name = (m[3] ?? 'read_only').toLowerCase();
  // read_only OFF turns super_read_only off with it; the other way round leaves read_only on.
  return { setting: `${name} = ON (${scope === 'PERSIST' ? 'persisted' : 'global'})`, reset: `SET ${scope} read_only = OFF` };
}

/** Whether a later line of the log turns it off again: the restoring step ran. */
function isResetAfter(lines: readonly string[], engine: ReadOnlyEngine, session: boolean): boolean {
  if (engine === 'MySQL') return lines.some((l) => (MY_OFF.exec(l)?.[3] ?? '').toLowerCase() === 'read_only');
  return lines.some((l) => (session ? PG_SESSION_OFF : PG_OFF).test(l));
}

/**
 * The newest Job whose log sets a read-only setting of the engine and no later line resets it, set
 * before the newest refusal (`until`, when the lines are dated).
 */
export function findReadOnlyLeftOn(runs: readonly ReadOnlyJobLogEvidence[], engine: ReadOnlyEngine, until: IsoTime | undefined): ReadOnlyLeftOn | undefined {
  const read = engine === 'PostgreSQL' ? readPostgres : readMysql;
  const before = runs.filter((r) => until === undefined || r.createdAt === undefined || msBetween(r.createdAt, until) >= -TRIGGER_SKEW_MS);
  const newest = [...before].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const run of newest) {
    for (let i = run.lines.length - 1; i >= 0; i--) {
      const line = run.lines[i] ?? '';
      const said = read(line);
      if (said === undefined) continue;
      if (isResetAfter(run.lines.slice(i + 1), engine, said.session === true)) break;
      return { run, line, ...said };
    }
  }
  return undefined;
}

/** "Job x-1 (CronJob x)". */
export function nameReadOnlyJob(run: ReadOnlyJobLogEvidence): string {
  return `Job ${run.job}${run.owner ? ` (${run.owner.kind} ${run.owner.name})` : ''}`;
}

/** "since Job x-1 (CronJob x) set it 2h 38m ago and failed 2h 31m ago before resetting it". */
export function describeReadOnlySince(left: ReadOnlyLeftOn, now: IsoTime): string {
  const { run } = left;
  const set = run.createdAt ? ` ${formatAgo(run.createdAt, now)}` : '';
  const ended = run.state === 'running' ? ', and it still runs' : run.state === 'failed' ? ` and failed${run.finishedAt ? ` ${formatAgo(run.finishedAt, now)}` : ''} before resetting it` : ` and ${run.state === 'complete' ? 'completed' : 'stopped'}${run.finishedAt ? ` ${formatAgo(run.finishedAt, now)}` : ''} without resetting it`;
  return `since ${nameReadOnlyJob(run)} set it${set}${ended}`;
}

/** Why the writes fail, in the engine's words, with the Job that left the setting. */
export function explainReadOnlyLeftOn(left: ReadOnlyLeftOn, engine: ReadOnlyEngine): string {
  const job = nameReadOnlyJob(left.run);
  if (left.session) return `${job} made its session read-only (${left.setting}) and never set it back; through a pooler that hands server connections on, other clients' transactions start read-only on that connection. The server was not demoted: it still accepts reads, so probes pass while writes fail.`;
  if (engine === 'MySQL') return `${job} turned the server read-only (${left.setting}) to freeze writes and never turned it off: MySQL refuses every write from clients without SUPER/CONNECTION_ADMIN (error 1290). Nothing shows the server was demoted: it is still the writer, read-only by that setting, so reads and probes keep working.`;
  return `${job} froze writes with ${left.setting} and never reset it: every session opened since starts its transactions read-only, so PostgreSQL refuses every INSERT/UPDATE/DELETE (SQLSTATE 25006) while reads and probes keep working. Nothing shows the server was demoted: it is still the primary, read-only by that setting, and sessions opened while it is on keep it until they reconnect.`;
}

/** The fix: turn the setting off on the server, then make the clients reconnect. */
export function fixReadOnlyLeftOn(left: ReadOnlyLeftOn, engine: ReadOnlyEngine): string {
  const reconnect = engine === 'PostgreSQL' && !left.session ? 'then make the clients reconnect (recycle their pools, or pg_terminate_backend their sessions): sessions opened while it was on stay read-only' : 'then recycle the clients\' connections';
  return `run ${left.reset} on the server, ${reconnect}; fix ${nameReadOnlyJob(left.run)} so its reset runs even when a step fails (a trap/finally)`;
}
