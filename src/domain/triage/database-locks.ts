/**
 * Queries that time out because they wait on a lock: the database's own log names the holder.
 * Postgres (log_lock_waits) logs each waiter as "process 4711 still waiting for AccessShareLock on
 * relation … after 1000 ms", then "DETAIL: Process holding the lock: 4682. Wait queue: …", and with
 * statement logging the holder's own "[4682] LOG: statement: ALTER TABLE …". The holder is what to
 * stop (a migration rewriting a table, a long transaction), not the database's capacity.
 */
import type { LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { findInClusterService } from './down-service.js';

/** Statement timeouts in the workload's logs: its queries run out of time on the database. */
const TIMED_OUT = /canceling statement due to (statement|lock) timeout|statement timeout|Lock wait timeout exceeded/i;
/** A COMMIT the client gave up on at its own deadline: the database holds the commit (a lock, a synchronous standby). */
const COMMIT_TIMED_OUT = /\bCOMMIT\b[^\n]*(?:deadline exceeded|timed? ?out)|(?:deadline exceeded|timed? ?out)[^\n]*\bCOMMIT\b/;
/** Lines before the database's own log is worth a read (one timeout is not an incident). */
const MIN_TIMEOUTS = 3;
/** A database address in an env value: jdbc:postgresql://host:5432/db, postgres://u@host/db, mysql://host. */
const DB_URL = /(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb):\/\/(?:[^@/\s]*@)?(?<host>[a-z0-9][a-z0-9.-]*)/i;
/** A database host in an env var of its own: libpq's PGHOST, DB_HOST, POSTGRES_HOST, MYSQL_HOST, DATABASE_HOST. */
const DB_HOST_ENV = /^(?:PGHOST|(?:DB|DATABASE|POSTGRES(?:QL)?|PG|MYSQL|MARIADB)_HOST(?:NAME)?)$/i;

function readDatabaseHost(e: { name: string; value: string }): string | undefined {
  if (DB_HOST_ENV.test(e.name)) return /^[a-z0-9][a-z0-9.-]*/i.exec(e.value.trim())?.[0];
  return DB_URL.exec(e.value)?.groups?.['host'];
}

/**
 * The Service of the target's namespace that the workload's database URL names, when its logs
 * carry statement timeouts (or COMMITs run out of their deadline): the collector reads one ready pod of it (its log tail).
 */
export function pickTimedOutDatabase(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }): string | undefined {
  const timeouts = ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod)).reduce((n, l) => n + l.lines.filter((x) => TIMED_OUT.test(x) || COMMIT_TIMED_OUT.test(x)).length, 0);
  if (timeouts < MIN_TIMEOUTS) return undefined;
  for (const p of ev.pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) {
        if (!('value' in e)) continue;
        const host = readDatabaseHost(e);
        const service = host === undefined ? undefined : findInClusterService(host, ev.target.namespace);
        if (service?.namespace === ev.target.namespace) return service.name;
      }
    }
  }
  return undefined;
}

export interface LockHolder {
  /** The backend process that holds the lock. */
  pid: string;
  /** The lock the others wait for (AccessShareLock), as logged. */
  waitedFor?: string;
  /** How many wait lines name this holder. */
  waits: number;
  /** What the holder runs, from its own statement line, when logged. */
  statement?: string;
  /** The database's own lines that say so, at most three. */
  lines: string[];
  /** The client the holder's session names (application_name in log_line_prefix's %a: a CronJob, an export). */
  application?: string;
  /**
   * The first of the wait queue, when it waits itself for a stronger lock than the others (an ALTER
   * TABLE's AccessExclusiveLock): Postgres queues every later request behind it, so the queries wait
   * on it, and it waits on the holder's long transaction.
   */
  queueHead?: { pid: string; lock: string; statement?: string; application?: string };
}

/**
 * "[4711] user@db/app LOG:" under log_line_prefix '%m [%p] %q%u@%d/%a ', or "[4711] user@db app=app LOG:"
 * under '… %u@%d app=%a ': the session's application_name.
 */
export function readApplication(lines: readonly string[], pid: string): string | undefined {
  const re = new RegExp(`\\[${pid}\\] [^@\\s]+@(?:[^/\\s]+/|\\S+ app(?:lication_name)?=)(.+?) (?:LOG|DETAIL|STATEMENT|ERROR|FATAL):`);
  for (const l of lines) {
    const app = re.exec(l)?.[1]?.trim();
    if (app && app !== '[unknown]') return app;
  }
  return undefined;
}

/** The statement a process's STATEMENT line logs (a waiter's own). */
function readStatement(lines: readonly string[], pid: string): string | undefined {
  const re = new RegExp(`\\[${pid}\\][^\\n]*?STATEMENT:\\s+(.+)$`);
  return lines.map((l) => re.exec(l)?.[1]?.trim()).find((x) => x !== undefined);
}

/** The queue's first process, when it waits for a stronger lock than the queries behind it. */
function findQueueHead(lines: readonly string[], holder: string): LockHolder['queueHead'] {
  const queue = lines.map((l) => new RegExp(`holding the lock: ${holder}\\. Wait queue: (\\d+)`).exec(l)?.[1]).filter((x): x is string => x !== undefined);
  const counts = new Map<string, number>();
  for (const q of queue) counts.set(q, (counts.get(q) ?? 0) + 1);
  const [pid, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (pid === undefined || n === undefined || n < 2) return undefined;
  const lock = lines.map((l) => new RegExp(`process ${pid} still waiting for (\\w+Lock)\\b`).exec(l)?.[1]).find((x) => x !== undefined);
  if (lock === undefined || !/Exclusive/.test(lock)) return undefined;
  const statement = readStatement(lines, pid);
  const application = readApplication(lines, pid);
  return { pid, lock, ...(statement ? { statement } : {}), ...(application ? { application } : {}) };
}

/** Every process the waits name as the lock's holder, the most named first, with how many waits name it. */
export function listLockHolders(lines: readonly string[]): { pid: string; waits: number }[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const pids = /Process(?:es)? holding the lock: ([\d, ]+)/.exec(l)?.[1]?.split(/[, ]+/).filter((x) => x !== '') ?? [];
    for (const pid of pids) counts.set(pid, (counts.get(pid) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([pid, waits]) => ({ pid, waits }));
}

/** The process most waiters wait on, in a Postgres log tail, with the statement it runs. */
export function findLockHolder(lines: readonly string[]): LockHolder | undefined {
  const counts = new Map<string, number>();
  let waitedFor: string | undefined;
  const quoted: string[] = [];
  for (const l of lines) {
    const wait = /still waiting for (\w+Lock)\b/.exec(l);
    if (wait) { waitedFor ??= wait[1]; if (quoted.length === 0) quoted.push(l.trim()); }
    const holder = /Process(?:es)? holding the lock: (\d+)/.exec(l);
    if (holder?.[1] !== undefined) {
      counts.set(holder[1], (counts.get(holder[1]) ?? 0) + 1);
      if (quoted.length === 1) quoted.push(l.trim());
    }
  }
  const [pid, waits] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (pid === undefined || waits === undefined) return undefined;
  const own = lines.map((l) => new RegExp(`\\[${pid}\\][^\\n]*?(?:LOG|STATEMENT):\\s+(?:duration: [\\d.]+ ms\\s+(?:statement|execute [^:]*):\\s+|statement:\\s+)?(.+)$`).exec(l)?.[1]?.trim()).find((s) => s !== undefined && /^(ALTER|CREATE|DROP|UPDATE|DELETE|INSERT|VACUUM|REINDEX|CLUSTER|LOCK|TRUNCATE|REFRESH|BEGIN|SELECT|COPY)\b/i.test(s));
  const statementLine = own === undefined ? undefined : lines.find((l) => l.includes(`[${pid}]`) && l.includes(own));
  const application = readApplication(lines, pid);
  const queueHead = findQueueHead(lines, pid);
  return { pid, ...(waitedFor === undefined ? {} : { waitedFor }), waits, ...(own === undefined ? {} : { statement: own }), lines: [...quoted, ...(statementLine ? [statementLine.trim()] : [])].slice(0, 3), ...(application ? { application } : {}), ...(queueHead ? { queueHead } : {}) };
}
