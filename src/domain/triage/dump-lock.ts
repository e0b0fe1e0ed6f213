/**
 * A logical dump that locks the data it reads: mysqldump (or mariadb-dump) with --lock-all-tables
 * runs FLUSH TABLES WITH READ LOCK and holds that global read lock until the dump ends; without
 * --single-transaction it takes LOCK TABLES … READ on each database's tables while it dumps them
 * (--lock-tables, on by default through --opt). Every write behind either lock waits — "Waiting for
 * global read lock", "Waiting for table metadata lock" — until the client's lock_wait_timeout or
 * innodb_lock_wait_timeout, and fails with Error 1205. Reads go on. The dump grows with the data,
 * so a run that used to end before traffic comes to overlap it. The fix is the dump's flags
 * (--single-transaction: a consistent InnoDB snapshot without locks), and stopping the run
 * releases the writes at once. A Job of the namespace is linked only when it runs such a dump
 * against a host the workload's own env names, and was running when the lock waits began.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

/** A write that timed out waiting for a lock (MySQL, MariaDB), or one still waiting on the dump's lock. */
export const LOCK_WAIT_TIMEOUT = /Lock wait timeout exceeded|\bError 1205\b|ER_LOCK_WAIT_TIMEOUT|Waiting for (?:global read lock|table (?:metadata )?lock|table flush)/i;
/** Lock-wait lines before they count: one is a row conflict between two requests. */
export const MIN_LOCK_WAITS = 3;

const DUMP = /(?:^|[\s;|&(/])(mysqldump|mariadb-dump)(?=\s)/;
const GLOBAL = /(?:^|\s)(?:--lock-all-tables|-x)(?=\s|$|;|\|)|FLUSH TABLES WITH READ LOCK/i;
const SINGLE_TRANSACTION = /(?:^|\s)--single-transaction(?=\s|$|;|\||=)/;
const NO_TABLE_LOCKS = /(?:^|\s)--(?:skip-lock-tables|skip-opt|lock-tables=(?:0|false|off))(?=\s|$|;|\|)/i;
/** The host the dump connects to: -h host, -hhost, --host=host, --host host. */
const HOST = /(?:^|\s)(?:-h\s*|--host[= ])([A-Za-z0-9][\w.-]*)/;

export interface DumpLock {
  job: NamespaceJobEvidence;
  tool: string;
  /** 'global': one read lock on the whole server for the whole dump; 'tables': each database's tables in turn. */
  scope: 'global' | 'tables';
  /** The flag as the command says it ('--lock-all-tables'), or the default it falls back on. */
  flag: string;
  /** The host the dump reaches, as the workload's env also names it. */
  server: string;
  /** The workload's lock-wait lines, per pod. */
  waits: { pod: string; line: string }[];
  onset?: IsoTime;
}

/** The workload's current log lines that say a write timed out on a lock. */
export function findLockWaits(logs: readonly LogEvidence[]): { pod: string; line: string }[] {
  return logs.filter((l) => !l.previous).flatMap((l) => l.lines.filter((line) => LOCK_WAIT_TIMEOUT.test(line)).map((line) => ({ pod: l.pod, line })));
}

/** Whether the namespace's Jobs are worth a list: the workload's writes time out on locks. */
export function needsDumpLockJobs(target: { kind: string }, logs: readonly LogEvidence[]): boolean {
  return target.kind !== 'Job' && target.kind !== 'CronJob' && findLockWaits(logs).length >= MIN_LOCK_WAITS;
}

/** The dump's own invocation: from its name to the end of that command (a pipe, a ;, an &&). */
function dumpInvocation(command: string): { tool: string; args: string } | undefined {
  const m = DUMP.exec(command);
  if (m?.[1] === undefined) return undefined;
  const from = m.index + m[0].length;
  return { tool: m[1], args: ` ${command.slice(from).split(/[|;&\n]/)[0] ?? ''} ` };
}

/** What of the dump's command locks writes: undefined when it runs no dump, or one that takes no lock. */
export function readDumpLocking(command: string): Pick<DumpLock, 'tool' | 'scope' | 'flag'> & { args: string } | undefined {
  const dump = dumpInvocation(command);
  if (dump === undefined) return /FLUSH TABLES WITH READ LOCK/i.test(command) ? { tool: 'mysql', scope: 'global', flag: 'FLUSH TABLES WITH READ LOCK', args: command } : undefined;
  const { tool, args } = dump;
  const global = GLOBAL.exec(args);
  if (global) return { tool, scope: 'global', flag: global[0].trim(), args };
  if (SINGLE_TRANSACTION.test(args) || NO_TABLE_LOCKS.test(args)) return undefined;
  return { tool, scope: 'tables', flag: /(?:^|\s)(?:--lock-tables|-l)(?=\s|$)/.test(args) ? '--lock-tables' : 'no --single-transaction', args };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names a dump's host goes by: the whole name, its first label, that label without a StatefulSet ordinal. */
function hostNames(host: string): string[] {
  const first = host.split('.')[0] ?? host;
  return [...new Set([host, first, first.replace(/-\d+$/, '')])].filter((n) => n.length >= 3);
}

/** The first of the dump host's names the workload's env values name as a whole word. */
function findSharedHost(host: string, env: readonly string[]): string | undefined {
  return hostNames(host).find((n) => {
    const re = new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`);
    return env.some((v) => re.test(v));
  });
}

/** Literal env values of the pods' containers (never a Secret's): where a client's DSN names its server. */
function listEnvValues(pods: readonly PodEvidence[]): string[] {
  return pods.flatMap((p) => p.containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : []))));
}

/**
 * The Job that holds a dump's lock on the workload's database while its writes time out: it runs
 * mysqldump with a locking flag (or without --single-transaction) against a host the workload's
 * env names, started before the first lock wait and was still running then.
 */
export function findDumpLock(ev: { pods: readonly PodEvidence[]; logs: readonly LogEvidence[]; namespaceJobs?: { jobs: readonly NamespaceJobEvidence[] } | undefined; collectedAt: IsoTime }): DumpLock | undefined {
  const waits = findLockWaits(ev.logs);
  if (waits.length < MIN_LOCK_WAITS) return undefined;
  const onset = earliest(waits.flatMap((w) => readLineTime(w.line) ?? []));
  const env = listEnvValues(ev.pods.filter((p) => waits.some((w) => w.pod === p.name)));
  const found = (ev.namespaceJobs?.jobs ?? []).flatMap((job) => {
    const start = job.createdAt;
    if (start === undefined || (onset !== undefined && msBetween(start, onset) < -TRIGGER_SKEW_MS)) return [];
    // Running when the waits began: still running, or ended after the first of them.
    const ran = job.state === 'running' || (onset !== undefined && job.finishedAt !== undefined && msBetween(onset, job.finishedAt) >= 0);
    if (!ran) return [];
    const command = (job.commandAndEnv ?? []).join(' ');
    const locking = readDumpLocking(command);
    const host = locking === undefined ? undefined : HOST.exec(locking.args)?.[1];
    const server = host === undefined ? undefined : findSharedHost(host, env);
    if (locking === undefined || server === undefined) return [];
    const { tool, scope, flag } = locking;
    return [{ job, tool, scope, flag, server, waits, ...(onset ? { onset } : {}) }];
  });
  // The nearest start before the waits, a global lock first.
  return found.sort((a, b) => (a.scope === b.scope ? (b.job.createdAt ?? '').localeCompare(a.job.createdAt ?? '') : a.scope === 'global' ? -1 : 1))[0];
}
