/**
 * The registry of workloads whose cluster events are watched, shared by every bot process:
 * incident flows add and remove targets, each worker reads the list and runs the watchers it
 * holds leases for.
 */
import type { Redis } from 'ioredis';
import type { WatchTarget } from '../../domain/timeline/cluster-events.js';
import type { RedisKeys } from './keys.js';

/** One id per incident and workload: an incident may watch several workloads. */
export function watchIdOf(t: WatchTarget): string {
  return [t.incidentId, t.context ?? '', t.namespace, t.kind, t.name].join('/');
}

export class RedisWatchTargets {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Adds the target unless it is there already (the first `since` stays); true when added. */
  async add(target: WatchTarget): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.clusterWatchTargets, watchIdOf(target), JSON.stringify(target))) === 1;
  }

  /** Removes every target of the incident; returns their watch ids. */
  async removeIncident(incidentId: string): Promise<string[]> {
    const ids = [...(await this.list()).entries()].filter(([, t]) => t.incidentId === incidentId).map(([id]) => id);
    if (ids.length > 0) await this.redis.hdel(this.keys.clusterWatchTargets, ...ids);
    return ids;
  }

  /** Every target by watch id. Unreadable entries are skipped, not fatal: one bad entry must not stop all watches. */
  async list(): Promise<Map<string, WatchTarget>> {
    const raw = await this.redis.hgetall(this.keys.clusterWatchTargets);
    const out = new Map<string, WatchTarget>();
    for (const [id, json] of Object.entries(raw)) {
      try {
        out.set(id, JSON.parse(json) as WatchTarget);
      } catch {
        continue;
      }
    }
    return out;
  }
}
