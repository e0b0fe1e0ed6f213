/**
 * The workload's Redis calls time out, its own logs show no command of its own that holds the
 * server, and it did not change: Redis serves one command at a time, so another client of the same
 * Redis that began something heavier (a blocking KEYS over the keyspace, a FLUSHALL, a flood of
 * writes) makes every client wait. The other Deployment of the namespace whose env points at the
 * same Redis and that rolled out just before the timeouts began is the change to test first.
 * Pure: the workload's lines and pods, and the namespace's rollouts.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { findKeyspaceWalks, holdsServer } from './keyspace-walk.js';
import { readLogLineTime } from './log-line-time.js';
import { MIN_REDIS_TIMEOUTS, findRedisService, findRedisTimeouts } from './redis-costly-setting.js';
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';
import { type EnvTie, literalEnv } from './tied-rollout.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';
import { earliest } from './time-span.js';

type Seen = { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget; collectedAt: IsoTime };

/** Both sides' env name the same Redis host (an address, a redis:// URL). */
export const sameRedis = (host: string | undefined): EnvTie => (mine, theirs) => {
  const hosts = host !== undefined ? [host] : mine.flatMap((e) => (/redis/i.test(e.name) || /^rediss?:\/\//.test(e.value) ? [/^(?:rediss?:\/\/(?:[^@/]*@)?)?([\w.-]+)/.exec(e.value)?.[1] ?? ''] : [])).filter((h) => h.length >= 4);
  for (const h of hosts) {
    const short = h.split('.')[0] ?? h;
    const hit = theirs.find((e) => new RegExp(`(^|[/@])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([.:/]|$)`).test(e.value));
    if (hit) return { by: `its env ${hit.name} points at the same Redis (${hit.value})`, weight: 3 };
  }
  return undefined;
};

export interface SharedRedisTimeouts {
  /** The Redis Service of the namespace the workload's env names. */
  service: string;
  timeouts: { pod: string; line: string }[];
  /** The first timeout the lines date. */
  onset?: IsoTime;
}

/** The workload's Redis timeouts when nothing of its own holds the server: a neighbour on the same Redis may. */
export function findSharedRedisTimeouts(seen: Seen): SharedRedisTimeouts | undefined {
  const timeouts = findRedisTimeouts(seen);
  if (timeouts.length < MIN_REDIS_TIMEOUTS) return undefined;
  const redis = findRedisService(seen.pods, seen.target);
  if (redis === undefined) return undefined;
  const own = new Set(seen.pods.map((p) => p.name));
  const walks = seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => findKeyspaceWalks(l.pod, l.lines, seen.collectedAt)).filter(holdsServer);
  if (walks.length > 0) return undefined;
  const onset = earliest(timeouts.map((t) => readLogLineTime(t.line, seen.collectedAt)));
  return { service: redis.service, timeouts, ...(onset ? { onset } : {}) };
}

/** Whether the namespace's rollouts are worth a read: since when another client of the Redis may have changed. */
export function needsRedisClientRollouts(seen: Seen): { since: IsoTime } | undefined {
  const found = findSharedRedisTimeouts(seen);
  if (found === undefined) return undefined;
  return { since: new Date(Date.parse(found.onset ?? seen.collectedAt) - TRIGGER_WINDOW_MS).toISOString() };
}

/**
 * The other client of the same Redis whose newest revision came in before the timeouts: one of its
 * pods' log says what it runs against Redis (a KEYS, a FLUSHALL). At most one, the newest rollout.
 */
export function pickRedisClientToRead(seen: Seen, rollouts: readonly NamespaceRolloutEvidence[]): { deployment: string; hash: string } | undefined {
  const need = needsRedisClientRollouts(seen);
  if (need === undefined) return undefined;
  const mine = literalEnv(seen.pods.flatMap((p) => p.containers));
  const tie = sameRedis(undefined);
  const picked = rollouts
    .flatMap((r) => {
      const newest = r.revisions[0];
      return newest !== undefined && (newest.replicas ?? 0) > 0 && newest.createdAt >= need.since && tie(mine, literalEnv(newest.containers)) !== undefined ? [{ deployment: r.deployment, hash: newest.hash, at: newest.createdAt }] : [];
    })
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return picked === undefined ? undefined : { deployment: picked.deployment, hash: picked.hash };
}
