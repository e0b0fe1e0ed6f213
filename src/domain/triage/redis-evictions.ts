/**
 * A Redis at its maxmemory with an eviction policy (allkeys-lru, volatile-ttl, …) makes room by
 * deleting keys, and it does not ask whose: keys an app needs (sessions, locks, job state) go as
 * readily as a cache's. A client that logs the server's INFO figures (used_memory, maxmemory,
 * maxmemory_policy, evicted_keys) shows it — evicted_keys climbing while used_memory sits at
 * maxmemory — and its own lines show what it cost ("session not found" for sessions issued within
 * their TTL). Redis and the app stay healthy; the usual trigger is another writer that began
 * filling the same Redis, so the fix is room or a store of their own, not a restart.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { msBetween } from './time-span.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';

/** Samples of the server's figures it takes to see evicted_keys climb. */
const MIN_SAMPLES = 3;
/** Lines of keys the app missed before it counts as a loss, not one expired key. */
export const MIN_LOST = 5;

const EVICTED = /"?evicted_keys"?\s*[:=]\s*(\d+)/;
const USED = /"?used_memory"?\s*[:=]\s*(\d+)/;
const MAX = /"?maxmemory"?\s*[:=]\s*(\d+)/;
const POLICY = /"?maxmemory[_-]policy"?\s*[:=]\s*"?([\w-]+)/;
const ADDRESS = /"?(?:addr|address|redis_addr|host)"?\s*[:=]\s*"?([\w.-]+:\d+)/;
/** A key the app looked for and did not find: a session, a lock, a job's state. */
const LOST = /\bsession (?:not found|missing|unknown)\b|\bno session (?:for|found)\b|\bkey (?:not found|missing)\b/i;

export interface RedisEvictions {
  /** The Redis as the client names it (host:port), when its lines do. */
  address?: string;
  policy?: string;
  maxmemory?: number;
  /** evicted_keys at the first sample that climbed and at the last. */
  from: number;
  to: number;
  /** When evicted_keys began to climb. */
  since?: IsoTime;
  lost: { pod: string; line: string }[];
  pods: string[];
}

interface Sample { evicted: number; used?: number; max?: number; policy?: string; address?: string; at?: IsoTime }

function readSample(line: string): Sample | undefined {
  const e = EVICTED.exec(line);
  if (e === null) return undefined;
  const num = (re: RegExp) => { const m = re.exec(line); return m ? Number(m[1]) : undefined; };
  const used = num(USED);
  const max = num(MAX);
  const policy = POLICY.exec(line)?.[1];
  const address = ADDRESS.exec(line)?.[1];
  const at = readLineTime(line);
  return { evicted: Number(e[1]), ...(used !== undefined ? { used } : {}), ...(max !== undefined ? { max } : {}), ...(policy ? { policy } : {}), ...(address ? { address } : {}), ...(at ? { at } : {}) };
}

/** Evictions the running pods' own lines show, with the keys they missed; undefined when evicted_keys does not climb or nothing was missed. */
export function findRedisEvictions(logs: readonly LogEvidence[], pods: ReadonlySet<string>): RedisEvictions | undefined {
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  const lost = mine.flatMap((l) => l.lines.filter((line) => LOST.test(line)).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (lost.length < MIN_LOST) return undefined;
  const samples = mine.map((l) => l.lines.flatMap((line) => readSample(line) ?? [])).sort((a, b) => b.length - a.length)[0] ?? [];
  if (samples.length < MIN_SAMPLES) return undefined;
  const climb = samples.findIndex((s, i) => i > 0 && s.evicted > (samples[i - 1]?.evicted ?? Infinity));
  const last = samples.at(-1);
  if (climb < 0 || last === undefined || last.evicted <= (samples[climb - 1]?.evicted ?? 0)) return undefined;
  // The policy evicts only at its ceiling: a server far below it is not what deletes the keys.
  if (last.used !== undefined && last.max !== undefined && last.max > 0 && last.used < 0.9 * last.max) return undefined;
  const before = samples[climb - 1];
  const since = before?.at ?? samples[climb]?.at;
  return {
    ...(last.address ? { address: last.address } : {}),
    ...(last.policy ? { policy: last.policy } : {}),
    ...(last.max ? { maxmemory: last.max } : {}),
    from: before?.evicted ?? 0,
    to: last.evicted,
    ...(since ? { since } : {}),
    lost,
    pods: [...new Set(lost.map((l) => l.pod))],
  };
}

/** Whether the other Deployments' rollouts are worth a read: the Redis evicts keys the workload needs, and another writer may have filled it. */
export function needsEvictionWriters(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findRedisEvictions(seen.logs, new Set(seen.pods.map((p) => p.name)));
  if (found === undefined) return undefined;
  const onset = found.since ?? seen.collectedAt;
  // A writer that filled the Redis started before the evictions, by as long as filling took.
  return { since: new Date(Date.parse(onset) - TRIGGER_WINDOW_MS).toISOString() };
}

/** How long the evictions have run, for the title. */
export function evictingFor(found: RedisEvictions, now: IsoTime): number | undefined {
  return found.since ? msBetween(found.since, now) : undefined;
}
