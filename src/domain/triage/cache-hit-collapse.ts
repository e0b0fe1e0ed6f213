/**
 * A cache that came back empty: the workload's own logs report its cache hit ratio, which fell
 * from high to near zero and has not recovered, while the cache server (a Redis or memcached of
 * the namespace) was restarted or rescheduled just before. A memory-only cache (memcached, a Redis
 * run with `--save ""` and `--appendonly no`) starts empty, so every read misses and falls through
 * to the database behind it: the database's connections and CPU saturate (a cache stampede), and
 * the workload is the victim. Pure: reads the workload's lines and the cache's pod.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { findInClusterService } from './down-service.js';
import { findServerAddress } from './server-address.js';
import type { ServerKind } from './server-address.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, earliest, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

/** `"hit_ratio":0.978`, `hit_ratio=0.98`, `hitRate: 97.8%`, `cache hit rate 97.8%`. */
const HIT_RATIO = /\bhit[ _-]?(?:ratio|rate)\b["']?\s*[:=]?\s*["']?(\d+(?:\.\d+)?)\s*(%)?/i;
/** A warm cache serves at least this share of reads… */
const WARM = 0.5;
/**
 * …a cold one at most this share, and at most this part of what it served warm (a cache resized
 * under modulo hashing keeps about a quarter of its hits: 0.95 → 0.22).
 */
const COLD = 0.3;
const COLD_PART = 1 / 3;
/** The newest reading still under this part of the warm one: not recovered. */
const RECOVERED_PART = 0.5;
/** The cache restarted at most this long before the hit ratio fell. */
const RESTART_LEAD_MS = 30 * MINUTE_MS;

/** The cache servers a client names by address. */
const CACHE_SERVERS: readonly ServerKind[] = ['Redis', 'memcached'];

export interface HitCollapse {
  /** The highest ratio before the fall, the lowest after it, the newest. */
  warm: number;
  cold: number;
  now: number;
  /** When the first cold reading was logged. */
  at?: IsoTime;
  pods: string[];
  line: string;
}

function readRatio(line: string): number | undefined {
  const m = HIT_RATIO.exec(line);
  if (!m) return undefined;
  const v = Number(m[1]);
  if (!Number.isFinite(v)) return undefined;
  return m[2] === '%' || v > 1 ? v / 100 : v;
}

/** The collapse one log shows: a warm reading, then a cold one, and no recovery since. */
function findInLog(l: LogEvidence): Omit<HitCollapse, 'pods'> | undefined {
  const readings = l.lines.flatMap((line) => {
    const v = readRatio(line);
    return v === undefined ? [] : [{ v, line }];
  });
  let warm = 0;
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (r === undefined) continue;
    if (warm >= WARM && r.v <= COLD && r.v <= warm * COLD_PART) {
      const after = readings.slice(i);
      const last = after[after.length - 1] ?? r;
      if (last.v > warm * RECOVERED_PART) return undefined;
      const at = readLineTime(r.line);
      return { warm, cold: Math.min(...after.map((x) => x.v)), now: last.v, ...(at ? { at } : {}), line: r.line.trim() };
    }
    warm = Math.max(warm, r.v);
  }
  return undefined;
}

/** The workload's current logs that show its hit ratio collapsed and still low, across its pods. */
export function findHitCollapse(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): HitCollapse | undefined {
  const own = new Set(pods.map((p) => p.name));
  const found = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => {
    const c = findInLog(l);
    return c ? [{ pod: l.pod, c }] : [];
  });
  const first = found[0]?.c;
  if (first === undefined) return undefined;
  const at = earliest(found.map((f) => f.c.at));
  return {
    warm: Math.max(...found.map((f) => f.c.warm)),
    cold: Math.min(...found.map((f) => f.c.cold)),
    now: Math.max(...found.map((f) => f.c.now)),
    ...(at ? { at } : {}),
    pods: [...new Set(found.map((f) => f.pod))],
    line: first.line,
  };
}

/** The cache Service of the namespace the workload's env names (REDIS_ADDR, MEMCACHED_SERVERS…). */
export function findCacheService(pods: readonly PodEvidence[], target: Pick<TriageTarget, 'namespace'>): { server: ServerKind; env: string; service: string } | undefined {
  for (const c of pods[0]?.containers ?? []) {
    for (const server of CACHE_SERVERS) {
      const address = findServerAddress(c, server);
      const svc = address ? findInClusterService(address.host, target.namespace) : undefined;
      if (address && svc?.namespace === target.namespace) return { server, env: address.env, service: svc.name };
    }
  }
  return undefined;
}

/**
 * The cache Service to read one pod of: the workload's hit ratio collapsed and its env names a
 * cache of the namespace. The pod says when the cache (re)started and whether it persists.
 */
export function pickColdCacheService(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: Pick<TriageTarget, 'namespace'> }): string | undefined {
  if (findHitCollapse(seen.logs, seen.pods) === undefined) return undefined;
  return findCacheService(seen.pods, seen.target)?.service;
}

export interface CacheRestart {
  pod: string;
  node?: string;
  /** When the cache process started: the pod's creation, or its container's start after a restart. */
  at: IsoTime;
  /** The pod itself is new (rescheduled), not only its container restarted. */
  newPod: boolean;
  /** Why it starts empty: "no persistence: --save "" --appendonly no", "memcached keeps items in memory only". */
  empty?: string;
}

/** How the cache's container says it keeps nothing across a restart, when it does. */
function describeNoPersistence(pod: PodEvidence, server: ServerKind): string | undefined {
  if (server === 'memcached') return 'memcached keeps its items in memory only';
  const c = pod.containers[0];
  const words = [...(c?.command ?? []), ...(c?.args ?? [])].join(' ');
  const noSave = /--save\s+(""|''|$|--)/.test(words) || (c?.args ?? []).some((a, i, all) => a === '--save' && (all[i + 1] ?? '') === '');
  const noAof = /--appendonly\s+no\b/.test(words);
  if (noSave && noAof) return 'no persistence: --save "" --appendonly no';
  if (noSave && !/--appendonly\s+yes\b/.test(words)) return 'no persistence: --save "" and no AOF';
  return undefined;
}

/** The cache pod's start, when it falls in the lead window before the collapse. */
export function findCacheRestart(pods: readonly PodEvidence[], server: ServerKind, collapseAt: IsoTime | undefined): CacheRestart | undefined {
  if (collapseAt === undefined) return undefined;
  for (const pod of pods) {
    const c = pod.containers[0];
    const started = c?.state && 'running' in c.state ? c.state.running.startedAt : undefined;
    const at = started ?? pod.startTime ?? pod.createdAt;
    if (at === undefined) continue;
    const lead = msBetween(at, collapseAt);
    if (lead < -TRIGGER_SKEW_MS || lead > RESTART_LEAD_MS) continue;
    const newPod = pod.createdAt !== undefined && msBetween(pod.createdAt, collapseAt) <= RESTART_LEAD_MS;
    const empty = describeNoPersistence(pod, server);
    return { pod: pod.name, ...(pod.nodeName ? { node: pod.nodeName } : {}), at, newPod, ...(empty ? { empty } : {}) };
  }
  return undefined;
}
