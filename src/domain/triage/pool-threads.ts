/**
 * A connection pool smaller than the threads that share it. Each process of a threaded server
 * (Puma, Gunicorn gthread, Tomcat, Sidekiq) has its own pool, and every request thread that
 * touches the database checks a connection out of it. With more threads than connections, the
 * extra threads wait for one under load and give up at the checkout timeout, however healthy
 * the database is. Read from the settings as written: the pool's size (a mounted config file, a
 * variable, the connection URL, or the pool's own figures in its timeout line) against the
 * threads (a variable, the server's arguments, or its startup line). Pure.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { LogEvidence } from './evidence.js';
import type { PoolConfigEvidence } from './evidence-pool-config.js';
import { POOL_ENV, THREADS_ENV } from './pool-config.js';

export interface PoolAgainstThreads {
  /** Connections one process's pool holds. */
  pool: number;
  /** How the pool's size is set: `pool: 5 in database.yml of ConfigMap orders-api-database`. */
  poolSaid: string;
  /** The ConfigMap that sets it, when one does. */
  configMap?: string;
  /** Request threads of one process. */
  threads: number;
  /** How the threads are set: `RAILS_MAX_THREADS=16`. */
  threadsSaid: string;
  /** The variable that sets the threads, to derive the pool from. */
  threadsVar?: string;
}

/** The pool's size keys (not its timeout or overflow). */
const SIZE_KEY = /^(?:pool|pool_?size|max_?pool_?size|maximum[-_]?pool[-_]?size)$/i;
const FILE_SETTING = /^\s*["']?(?:[\w-]+\.)*([\w-]+)["']?\s*[:=]\s*(.+?)\s*,?\s*$/;
/** A variable a config value reads: ERB `ENV.fetch("X") { 5 }`, `ENV["X"]`, `${X:5}`, `System.get_env("X")`, `os.environ.get("X", 5)`. */
const ENV_REF = /ENV(?:\.fetch)?\s*\(?\s*\[?\s*["'](\w+)["']|\$\{(\w+)(?::-?[^}]*)?\}|get_?env\(\s*["'](\w+)["']|environ(?:\.get)?\s*[([]\s*["'](\w+)["']/i;
/** The pool's own figures: SQLAlchemy's size and overflow, HikariCP's total. */
const QUEUE_POOL = /QueuePool limit of size (\d+) overflow (\d+) reached/i;
const HIKARI_TOTAL = /\(total=(\d+), active=(\d+), idle=\d+, waiting=\d+\)/;
/** Pool size in a connection URL: `?pool=5`, `connection_limit=5`. */
const URL_POOL = /[?&](pool|pool_size|connection_limit|maxPoolSize|max_pool_size)=(\d+)\b/i;
/** Puma's startup line: `*  Max threads: 16`, `* Min threads: 5, max threads: 5`. */
const PUMA_THREADS = /\bmax threads: (\d+)/i;
/** Thread flags: Puma's `-t 5:16` / `--threads 16`, Gunicorn's `--threads 8` (its `-t` is a timeout). */
const THREAD_FLAG = /(?:^|\s)(?:-t[=\s]+\d+:|--threads[=\s]+(?:\d+:)?)(\d+)\b/;
/** Sidekiq's `-c 10` / `--concurrency 10`: its threads. */
const SIDEKIQ_FLAG = /\bsidekiq\b.*?(?:^|\s)(?:-c|--concurrency)[=\s]+(\d+)\b/;

const literalEnv = (c: ContainerSpecEvidence | undefined): Map<string, string> =>
  new Map((c?.env ?? []).flatMap((e) => ('value' in e ? [[e.name, e.value] as [string, string]] : [])));

/** Variables as the container sees them: its literal env, then what its ConfigMaps give (`NAME=value` lines). */
function readEnv(c: ContainerSpecEvidence | undefined, config: readonly PoolConfigEvidence[]): Map<string, string> {
  const env = literalEnv(c);
  for (const e of config) {
    if (e.via === 'mounted' || e.via.startsWith('/')) continue;
    for (const l of e.lines) {
      const m = /^(\w+)=(.*)$/.exec(l);
      if (m && !env.has(m[1] ?? '')) env.set(m[1] ?? '', m[2] ?? '');
    }
  }
  return env;
}

/** The largest figure of a threads value: `16`, `5:16`. */
const threadCount = (v: string): number | undefined => (/^\s*(?:\d+:)?(\d+)\s*$/.test(v) ? Number(/(\d+)\s*$/.exec(v)?.[1]) : undefined);

function readThreads(c: ContainerSpecEvidence | undefined, env: Map<string, string>, logs: readonly LogEvidence[]): Pick<PoolAgainstThreads, 'threads' | 'threadsSaid' | 'threadsVar'> | undefined {
  for (const [name, value] of env) {
    const n = THREADS_ENV.test(name) ? threadCount(value) : undefined;
    if (n !== undefined) return { threads: n, threadsSaid: `${name}=${value}`, threadsVar: name };
  }
  const line = [...(c?.command ?? []), ...(c?.args ?? [])].join(' ');
  const flag = THREAD_FLAG.exec(line) ?? SIDEKIQ_FLAG.exec(line);
  if (flag) return { threads: Number(flag[1]), threadsSaid: `${flag[0].replace(/^.*?(-\S+[=\s]+\S+)$/, '$1')} in its command` };
  for (const log of logs) {
    const line = log.lines.find((l) => PUMA_THREADS.test(l));
    if (line !== undefined) return { threads: Number(PUMA_THREADS.exec(line)?.[1]), threadsSaid: `"${line.trim().replace(/^\[\d+\]\s*\*?\s*/, '')}" at startup` };
  }
  return undefined;
}

/** A pool size as a config value gives it: a number, or a variable (with its default); `threads` when it follows the threads. */
function resolveSize(value: string, env: Map<string, string>): number | 'threads' | undefined {
  const v = value.replace(/^["']|["']$/g, '');
  if (/^\d+$/.test(v)) return Number(v);
  const ref = ENV_REF.exec(v);
  const name = ref?.slice(1).find((x) => x !== undefined);
  if (name === undefined) return undefined;
  if (THREADS_ENV.test(name)) return 'threads';
  const set = env.get(name);
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  const fallback = /(\d+)/.exec(v.slice((ref?.index ?? 0) + (ref?.[0].length ?? 0)));
  return fallback ? Number(fallback[1]) : undefined;
}

function readPool(env: Map<string, string>, config: readonly PoolConfigEvidence[], logs: readonly LogEvidence[]): Pick<PoolAgainstThreads, 'pool' | 'poolSaid' | 'configMap'> | 'threads' | undefined {
  // The pool's own figures are what it ran with.
  for (const log of logs) {
    for (const line of log.lines) {
      const q = QUEUE_POOL.exec(line);
      if (q) return { pool: Number(q[1]) + Number(q[2]), poolSaid: `"${q[0]}"` };
      const h = HIKARI_TOTAL.exec(line);
      if (h && h[1] === h[2] && Number(h[1]) > 0) return { pool: Number(h[1]), poolSaid: `its own figures ${h[0]}` };
    }
  }
  for (const [name, value] of env) {
    const u = URL_POOL.exec(value);
    if (u && /URL|DSN/i.test(name)) return { pool: Number(u[2]), poolSaid: `${u[1]}=${u[2]} in ${name}` };
  }
  // The file's last size line: the production section comes after the development defaults.
  for (const e of config) {
    const size = e.lines.flatMap((l) => {
      const m = FILE_SETTING.exec(l);
      return m && SIZE_KEY.test(m[1] ?? '') ? [{ line: l, value: m[2] ?? '' }] : [];
    }).at(-1);
    if (size === undefined) continue;
    const n = resolveSize(size.value, env);
    if (n === 'threads') return 'threads';
    if (n !== undefined) return { pool: n, poolSaid: `${size.line.replace(/\s*,$/, '')} in ${e.key} of ConfigMap ${e.configMap}`, configMap: e.configMap };
  }
  for (const [name, value] of env) {
    if (POOL_ENV.test(name) && /^\d+$/.test(value)) return { pool: Number(value), poolSaid: `${name}=${value}` };
  }
  return undefined;
}

/** The pool against the threads that share it, when both are set and the threads outnumber the connections. */
export function readPoolAgainstThreads(c: ContainerSpecEvidence | undefined, config: readonly PoolConfigEvidence[], logs: readonly LogEvidence[]): PoolAgainstThreads | undefined {
  const env = readEnv(c, config);
  const pool = readPool(env, config, logs);
  if (pool === undefined || pool === 'threads') return undefined;
  const threads = readThreads(c, env, logs);
  if (threads === undefined || threads.threads <= pool.pool) return undefined;
  return { ...pool, ...threads };
}
