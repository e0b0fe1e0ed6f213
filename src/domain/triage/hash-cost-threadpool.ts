/**
 * A Node.js app whose newest revision raised a password-hashing cost (BCRYPT_ROUNDS, *_COST,
 * PBKDF2_ITERATIONS, SALT_ROUNDS). Node's native bcrypt, crypto.pbkdf2 and crypto.scrypt run on
 * libuv's threadpool — 4 threads unless UV_THREADPOOL_SIZE says otherwise — and so do dns.lookup
 * (every new connection by name), fs and zlib. Slower hashes occupy the pool, and lookups and file
 * reads queue behind them: calls to unrelated dependencies time out at once, in their DNS phase,
 * while the event loop itself stays responsive. The dependencies are fine; the cost raise is the
 * trigger and undoing it the fix.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { rolloutTimeOf } from './revision-rollback.js';
import { isInTriggerWindow } from './trigger-window.js';
import type { RevisionEnvChange } from './timeout-cut.js';

/** A setting for a password hash's work factor, by its name. */
const COST_NAME = /^(?=.*(?:BCRYPT|SCRYPT|PBKDF2|ARGON|HASH|SALT|PASSWORD))(?=.*(?:ROUNDS|COST|ITERATIONS|WORK_?FACTOR)).*$/i;
/** bcrypt's cost is a power of two (rounds = log2 of the iterations); the others count iterations. */
const LOG2_COST = /BCRYPT|ROUNDS|COST/i;
/** A raise that multiplies each hash's time by at least this fills a 4-thread pool; a nudge does not. */
const MIN_FACTOR = 4;
/** What shows the process is Node: its image or command, or its own log's marks. */
const NODE_IMAGE = /(^|[/:-])node(js)?([:@-]|$)/i;
const NODE_LOG = /\(node:\d+\)|node_modules\/|node:internal\/|"node":"v\d+/;
/** A line of a failed or given-up call, of any kind. */
const TIMEOUT_LINE = /timeout|timed out|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN/i;

export interface HashCostRaise extends RevisionEnvChange {
  /** How many times longer each hash takes. */
  factor: number;
  /** UV_THREADPOOL_SIZE as the container sets it; absent: libuv's default of 4. */
  poolSize?: string;
}

function costFactor(name: string, from: number, to: number): number {
  return LOG2_COST.test(name) && to <= 31 && from <= 31 ? 2 ** (to - from) : to / from;
}

/** The container runs Node: its image or command says so, or its log carries Node's own marks. */
function runsNode(container: { image: string; command?: string[]; args?: string[] } | undefined, logs: readonly LogEvidence[]): boolean {
  if (container !== undefined && (NODE_IMAGE.test(container.image.split('/').pop() ?? '') || /^(node|npm|yarn|pnpm)$/.test((container.command ?? container.args ?? [])[0]?.split('/').pop() ?? ''))) return true;
  return logs.some((l) => l.lines.some((line) => NODE_LOG.test(line)));
}

/**
 * The hashing cost the newest revision raised (each hash at least 4× slower) in the Node containers
 * whose calls time out, when every failing pod runs that revision, it rolled out in the trigger
 * window before the first failure, and the same logs give up on more than one thing (the pool
 * starves every lookup, not one dependency). Undefined otherwise.
 */
export function findHashCostRaise(
  ev: TriageEvidence,
  hits: readonly { log: LogEvidence; line: string }[],
  dependency: string | undefined,
  firstFailure: IsoTime | undefined,
): HashCostRaise | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const pods = [...new Set(hits.map((h) => h.log.pod))].map((name) => ev.pods.find((p) => p.name === name));
  if (pods.length === 0 || pods.some((p: PodEvidence | undefined) => p === undefined || (p.revisionHash !== undefined && p.revisionHash !== newest.hash))) return undefined;
  const rolledOut = rolloutTimeOf(ev, newest);
  if (!isInTriggerWindow(rolledOut, firstFailure ?? ev.collectedAt)) return undefined;
  const logs = [...new Set(hits.map((h) => h.log))];
  // Timeouts of something other than the dependency the hits name: a second victim of the pool.
  const host = dependency?.split(':')[0];
  const grouped = new Set(hits.map((h) => h.line));
  const elsewhere = logs.some((l) => l.lines.some((line) => !grouped.has(line) && TIMEOUT_LINE.test(line) && (host === undefined || !line.includes(host))));
  if (!elsewhere) return undefined;
  for (const container of [...new Set(hits.map((h) => h.log.container))]) {
    const now = newest.containers.find((c) => c.name === container);
    if (!runsNode(now, logs.filter((l) => l.container === container))) continue;
    const was = previous.containers.find((c) => c.name === container)?.env ?? [];
    for (const e of now?.env ?? []) {
      if (!('value' in e) || !COST_NAME.test(e.name)) continue;
      const before = was.find((b) => b.name === e.name);
      if (before === undefined || !('value' in before)) continue;
      const [a, b] = [Number(before.value), Number(e.value)];
      if (!(a > 0) || !(b > a)) continue;
      const factor = costFactor(e.name, a, b);
      if (factor < MIN_FACTOR) continue;
      const pool = now?.env?.find((p) => p.name === 'UV_THREADPOOL_SIZE');
      return { revision: newest, previous, container, env: e.name, from: before.value, to: e.value, factor, rolledOut, ...(pool && 'value' in pool ? { poolSize: pool.value } : {}) };
    }
  }
  return undefined;
}

/** The finding's words for a hashing cost that starves libuv's threadpool. */
export function explainHashCostRaise(r: HashCostRaise, calls: string): { title: string; cause: string; action: string; fix: string; evidence: string } {
  const hash = /SCRYPT/i.test(r.env) ? 'scrypt' : /PBKDF2/i.test(r.env) ? 'PBKDF2' : /ARGON/i.test(r.env) ? 'Argon2' : 'bcrypt';
  const pool = r.poolSize !== undefined ? `its ${r.poolSize}-thread libuv pool (UV_THREADPOOL_SIZE=${r.poolSize})` : "Node's 4-thread libuv pool (no UV_THREADPOOL_SIZE)";
  const times = r.factor >= 10 ? `~${Math.round(r.factor)}×` : `${Math.round(r.factor * 10) / 10}×`;
  return {
    title: `${hash} hashing (each hash ${times} longer) fills ${pool} and starves DNS lookups and file reads — ${calls} time out`,
    cause:
      `Node runs native ${hash} (and crypto.pbkdf2/scrypt) on libuv's threadpool, which dns.lookup, fs and zlib share. Revision ${r.revision.revision} raised ${r.env} from ${r.from} to ${r.to}, so each hash holds a pool thread ${times} longer; ` +
      `with the pool busy, every new connection waits for its name lookup and file reads wait too, so calls to unrelated dependencies time out at once while the event loop itself stays responsive. The dependencies and the cluster DNS need not be at fault.`,
    action: `Roll back to revision ${r.previous.revision} (or set ${r.env} back to ${r.from}); raise the cost again only with a larger UV_THREADPOOL_SIZE and the CPU for it, or move hashing to a worker pool.`,
    fix: `set ${r.env} back to ${r.from}, or give the hashing its own threads (UV_THREADPOOL_SIZE, CPU, a worker pool)`,
    evidence: `env ${r.env} of container ${r.container}: ${r.from} in revision ${r.previous.revision} → ${r.to} in revision ${r.revision.revision}; UV_THREADPOOL_SIZE ${r.poolSize ?? 'unset (libuv default 4)'}`,
  };
}

/** Node's own lookup (dns.lookup → getaddrinfo on the pool) that got no answer. */
const POOL_LOOKUP = /getaddrinfo EAI_AGAIN/;
/** Below these a hash is too cheap to hold a pool thread long: bcrypt rounds (log2), or iterations. */
const MIN_LOG2_COST = 10;
const MIN_ITERATIONS = 10_000;

export interface HashPoolLoad {
  container: string;
  /** The work-factor setting: BCRYPT_ROUNDS=14. */
  env: string;
  cost: string;
  /** UV_THREADPOOL_SIZE as the container sets it; absent: libuv's default of 4. */
  poolSize?: string;
  /** Ready cluster DNS pods: the resolver itself answers. */
  dnsReady: number;
}

/**
 * A Node container that hashes passwords at a real cost (a BCRYPT_ROUNDS/…_COST/…_ITERATIONS
 * setting) on libuv's default pool (UV_THREADPOOL_SIZE unset or at most 4), whose own lookups fail
 * with getaddrinfo EAI_AGAIN while every cluster DNS pod is ready, and whose logs give up on other
 * calls too: the lookups queue behind the hashes in the pool, they are not refused by the DNS.
 * No revision need have changed anything: load alone fills the pool. Undefined otherwise.
 */
export function findHashPoolLoad(ev: TriageEvidence, hits: readonly { log: LogEvidence; line: string }[], dependency: string | undefined): HashPoolLoad | undefined {
  if (!hits.some((h) => POOL_LOOKUP.test(h.line))) return undefined;
  const dns = ev.dns;
  if (dns === undefined || dns.pods.length === 0 || dns.pods.some((p) => !p.ready)) return undefined;
  const logs = [...new Set(hits.map((h) => h.log))];
  const host = dependency?.split(':')[0];
  const grouped = new Set(hits.map((h) => h.line));
  const elsewhere = logs.some((l) => l.lines.some((line) => !grouped.has(line) && TIMEOUT_LINE.test(line) && (host === undefined || !line.includes(host))));
  if (!elsewhere) return undefined;
  for (const name of [...new Set(hits.map((h) => h.log.container))]) {
    const pod = ev.pods.find((p) => hits.some((h) => h.log.pod === p.name));
    const c = pod?.containers.find((x) => x.name === name);
    if (c === undefined || !runsNode(c, logs.filter((l) => l.container === name))) continue;
    const env = c.env ?? [];
    const pool = env.find((p) => p.name === 'UV_THREADPOOL_SIZE');
    const poolSize = pool !== undefined && 'value' in pool ? pool.value : undefined;
    if (poolSize !== undefined && !(Number(poolSize) <= 4)) continue;
    for (const e of env) {
      if (!('value' in e) || !COST_NAME.test(e.name)) continue;
      const cost = Number(e.value);
      if (!(cost > 0) || (LOG2_COST.test(e.name) && cost <= 31 ? cost < MIN_LOG2_COST : cost < MIN_ITERATIONS)) continue;
      return { container: name, env: e.name, cost: e.value, ...(poolSize === undefined ? {} : { poolSize }), dnsReady: dns.pods.length };
    }
  }
  return undefined;
}

/** The finding's words for hashing that keeps libuv's pool full under load, so lookups queue. */
export function explainHashPoolLoad(l: HashPoolLoad, lookups: string): { title: string; cause: string; action: string; fix: string; evidence: string } {
  const hash = /SCRYPT/i.test(l.env) ? 'scrypt' : /PBKDF2/i.test(l.env) ? 'PBKDF2' : /ARGON/i.test(l.env) ? 'Argon2' : 'bcrypt';
  const size = l.poolSize ?? '4';
  const pool = l.poolSize !== undefined ? `its ${size}-thread libuv pool (UV_THREADPOOL_SIZE=${size})` : "Node's 4-thread libuv pool (UV_THREADPOOL_SIZE unset)";
  const dns = `all ${l.dnsReady} cluster DNS pod${l.dnsReady === 1 ? ' is' : 's are'} ready`;
  return {
    title: `${hash} hashing (${l.env}=${l.cost}) keeps ${pool} busy, so dns.lookup queues behind it — ${lookups} fail with getaddrinfo EAI_AGAIN though ${dns}`,
    cause:
      `Node runs native ${hash} (and crypto.pbkdf2/scrypt) on libuv's threadpool, which dns.lookup (getaddrinfo), fs and zlib share. At ${l.env}=${l.cost} each hash holds a thread for a long time; under a burst of logins the ${size} threads are always hashing, ` +
      `so every lookup waits in the pool until it gives up (EAI_AGAIN) and calls to unrelated dependencies time out at once, while the event loop itself stays responsive. The cluster DNS answers (${dns}); the lookups never reach it in time.`,
    action: `Raise UV_THREADPOOL_SIZE for the container (e.g. 16–64, with the CPU for it; set it in the env, before Node starts), or move hashing to a worker pool of its own; scale out for the load. Restarting the pods or the cluster DNS changes nothing.`,
    fix: `raise UV_THREADPOOL_SIZE (or move ${hash} hashing off libuv's pool) and scale out`,
    evidence: `env ${l.env}=${l.cost} in container ${l.container}; UV_THREADPOOL_SIZE ${l.poolSize ?? 'unset (libuv default 4)'}; ${dns}`,
  };
}

