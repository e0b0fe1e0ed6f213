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
/** Lines before the database's own log is worth a read (one timeout is not an incident). */
const MIN_TIMEOUTS = 3;
/** A database address in an env value: jdbc:postgresql://host:5432/db, postgres://u@host/db, mysql://host. */
const DB_URL = /(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb):\/\/(?:[^@/\s]*@)?(?<host>[a-z0-9][a-z0-9.-]*)/i;

/**
 * The Service of the target's namespace that the workload's database URL names, when its logs
 * carry statement timeouts: the collector reads one ready pod of it (its log tail).
 */
export function pickTimedOutDatabase(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }): string | undefined {
  const timeouts = ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod)).reduce((n, l) => n + l.lines.filter((x) => TIMED_OUT.test(x)).length, 0);
  if (timeouts < MIN_TIMEOUTS) return undefined;
  for (const p of ev.pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) {
        if (!('value' in e)) continue;
        const host = DB_URL.exec(e.value)?.groups?.['host'];
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
  const own = lines.map((l) => new RegExp(`\\[${pid}\\][^\\n]*?(?:LOG|STATEMENT):\\s+(?:statement:\\s+)?(.+)$`).exec(l)?.[1]?.trim()).find((s) => s !== undefined && /^(ALTER|CREATE|DROP|UPDATE|DELETE|INSERT|VACUUM|REINDEX|CLUSTER|LOCK|TRUNCATE|REFRESH|BEGIN|SELECT)\b/i.test(s));
  const statementLine = own === undefined ? undefined : lines.find((l) => l.includes(`[${pid}]`) && l.includes(own));
  return { pid, ...(waitedFor === undefined ? {} : { waitedFor }), waits, ...(own === undefined ? {} : { statement: own }), lines: [...quoted, ...(statementLine ? [statementLine.trim()] : [])].slice(0, 3) };
}
