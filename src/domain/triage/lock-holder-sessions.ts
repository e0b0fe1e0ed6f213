/**
 * Statements of the workload that time out waiting for a lock another client holds: Postgres
 * "canceling statement due to lock timeout" (SQLSTATE 55P03, the client's lock_timeout), MySQL
 * "Lock wait timeout exceeded" (1205). The database is healthy; the waiter is the symptom. The
 * database's own log (log_lock_waits) names the holder's backend pid, and a session listing
 * (pg_stat_activity as psql prints it, e.g. from a Job that snapshots it) says whose session that
 * pid is (application_name, client_addr) and what it does: "idle in transaction" is a client that
 * took row locks and neither committed nor rolled back. The holder's workload, and its rollout just
 * before the timeouts began, is the cause; the waiting workload needs no change.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, PodEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';
import { HOUR_MS, earliest, msBetween } from './time-span.js';

/** A statement cancelled at the client's lock timeout (not at its statement timeout). */
export const LOCK_TIMEOUT = /canceling statement due to lock timeout|\b55P03\b|LockNotAvailable|could not obtain lock on (?:row|relation)|Lock wait timeout exceeded|ER_LOCK_WAIT_TIMEOUT/i;
/** Lines before the timeouts count: one is two requests that met on a row. */
const MIN_TIMEOUTS = 3;
/** How far before the first timeout another workload's rollouts are worth listing. */
const HOLDER_LOOKBACK_MS = 3 * HOUR_MS;
/** How recent a session listing must be to say who holds the locks now. */
const LISTING_MAX_AGE_MS = HOUR_MS;
/** A SQL client a Job may print the server's sessions with. */
const SQL_CLIENT = /(?:^|[\s/])psql(?:\s|$)/;

export interface LockTimeouts {
  hits: { pod: string; line: string; at?: IsoTime }[];
  /** The SQLSTATE or error number the lines give. */
  code?: string;
  onset?: IsoTime;
}

/** The workload's current log lines that say a statement gave up waiting for a lock (at least three). */
export function findLockTimeouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): LockTimeouts | undefined {
  const own = new Set(seen.pods.map((p) => p.name));
  const hits = seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => {
    if (!LOCK_TIMEOUT.test(line)) return [];
    const at = readLogLineTime(line, seen.collectedAt);
    return [{ pod: l.pod, line: line.trim(), ...(at ? { at } : {}) }];
  }));
  if (hits.length < MIN_TIMEOUTS) return undefined;
  const code = hits.map((h) => /SQLSTATE[\s:=]*(\w{5})|\b(55P03)\b|\bError (1205)\b/.exec(h.line)).find((m) => m)?.slice(1).find((x) => x);
  const onset = earliest(hits.map((h) => h.at));
  return { hits, ...(code ? { code } : {}), ...(onset ? { onset } : {}) };
}

/** When to list the namespace's rollouts: the holder may be another client that just rolled out. */
export function needsLockHolderRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findLockTimeouts(seen);
  if (found === undefined) return undefined;
  return { since: new Date(Date.parse(found.onset ?? seen.collectedAt) - HOLDER_LOOKBACK_MS).toISOString() };
}

/** One row of a session listing. */
export interface SessionRow {
  pid: string;
  application?: string;
  client?: string;
  /** "idle in transaction", "active"… */
  state?: string;
  /** How long its transaction (else its state) has lasted, as printed ("01:01:12.5"). */
  age?: string;
  query?: string;
  /** The row as printed, trimmed. */
  line: string;
}

function cellsOf(line: string): string[] {
  return line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
}

/** A psql header that lists sessions: a pid column and the session's state or application. */
function sessionColumns(line: string): Map<string, number> | undefined {
  if (!line.includes('|')) return undefined;
  const cols = new Map(cellsOf(line).map((c, i) => [c.toLowerCase(), i] as const));
  return cols.has('pid') && (cols.has('state') || cols.has('application_name')) ? cols : undefined;
}

/**
 * The rows of psql's aligned tables that list sessions (pg_stat_activity and queries on it), in
 * the order printed. Columns are taken by name: pid, application_name, client_addr, state, and an
 * age (xact_age, else state_age, else any column whose name ends in "age" or "duration").
 */
export function readSessionRows(lines: readonly string[]): SessionRow[] {
  const rows: SessionRow[] = [];
  let cols: Map<string, number> | undefined;
  for (const line of lines) {
    const header = sessionColumns(line);
    if (header !== undefined) { cols = header; continue; }
    if (cols === undefined) continue;
    if (/^[\s-+]+$/.test(line) && line.includes('-')) continue;
    if (!line.includes('|')) { cols = undefined; continue; }
    const cells = cellsOf(line);
    const at = (name: string): string | undefined => {
      const i = cols?.get(name);
      const v = i === undefined ? undefined : cells[i];
      return v === undefined || v === '' ? undefined : v;
    };
    const pid = at('pid');
    if (pid === undefined || !/^\d+$/.test(pid)) continue;
    const ageCol = ['xact_age', 'state_age', ...[...cols.keys()].filter((k) => /(?:age|duration)$/.test(k))].find((k) => at(k) !== undefined);
    const application = at('application_name');
    const client = at('client_addr');
    const state = at('state');
    const age = ageCol === undefined ? undefined : at(ageCol);
    const query = at('query');
    rows.push({ pid, line: line.trim(), ...(application ? { application } : {}), ...(client ? { client } : {}), ...(state ? { state } : {}), ...(age ? { age } : {}), ...(query ? { query } : {}) });
  }
  return rows;
}

/** The lines of a log worth keeping for a session listing: the headers and rows of its session tables. */
export function keepSessionLines(lines: string[]): string[] {
  const kept: string[] = [];
  let open = false;
  for (const line of lines) {
    if (sessionColumns(line) !== undefined) { open = true; kept.push(line.slice(0, 400)); continue; }
    if (!open || (/^[\s-+]+$/.test(line) && line.includes('-'))) continue;
    if (!line.includes('|')) { open = false; continue; }
    kept.push(line.slice(0, 400));
  }
  return kept;
}

/**
 * The Jobs of the namespace whose runs may have printed the database's sessions: a psql run against
 * the database's Service, within the hour; the newest first, at most two.
 */
export function pickSessionListingRuns(jobs: { jobs: readonly NamespaceJobEvidence[] }, database: string, now: IsoTime): NamespaceJobEvidence[] {
  const host = new RegExp(`(?:^|[\\s=@/])${database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[.:/\\s]|$)`);
  return jobs.jobs
    .filter((j) => j.state !== 'suspended' && j.createdAt !== undefined && msBetween(j.createdAt, now) <= LISTING_MAX_AGE_MS)
    .filter((j) => (j.commandAndEnv ?? []).some((c) => SQL_CLIENT.test(c)) && (j.commandAndEnv ?? []).some((c) => host.test(c) || c === database))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    .slice(0, 2);
}

/** "01:01:12.5" (psql's interval) as minutes, else undefined. */
export function readAgeMinutes(age: string | undefined): number | undefined {
  const m = /^(?:(\d+) days? )?(\d+):(\d{2}):(\d{2})/.exec(age ?? '');
  if (m === null) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 60;
}
