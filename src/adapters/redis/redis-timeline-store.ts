import type { Redis } from 'ioredis';
import type { TimelineStore } from '../../domain/ports.js';
import type { TimelineEntry } from '../../domain/timeline/timeline-entry.js';
import type { RedisKeys } from './keys.js';

/** Entries in a hash (written once per key with HSETNX) and their order in a sorted set. */
export class RedisTimelineStore implements TimelineStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async append(incidentId: string, entry: TimelineEntry): Promise<boolean> {
    const written = await this.redis.hsetnx(this.keys.timelineEntries(incidentId), entry.key, JSON.stringify(entry));
    // The order is written even when the entry already was: a crash between the two writes heals on redelivery.
    await this.redis.zadd(this.keys.timelineOrder(incidentId), String(Date.parse(entry.at) || 0), entry.key);
    return written === 1;
  }

  async list(incidentId: string): Promise<TimelineEntry[]> {
    const order = await this.redis.zrange(this.keys.timelineOrder(incidentId), '0', '-1');
    if (order.length === 0) return [];
    const raws = await this.redis.hmget(this.keys.timelineEntries(incidentId), ...order);
    return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as TimelineEntry);
  }
}
