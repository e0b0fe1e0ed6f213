import type { Redis } from 'ioredis';
import type { PostLedger } from '../../domain/ports.js';
import type { RedisKeys } from './keys.js';

/** Kept a month: long past any retry of the work that posted. */
const TTL_SECONDS = 30 * 24 * 3600;

export class RedisPostLedger implements PostLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async read(key: string): Promise<string | 'posting' | undefined> {
    return (await this.redis.get(this.keys.posted(key))) ?? undefined;
  }

  async markPosting(key: string): Promise<void> {
    await this.redis.set(this.keys.posted(key), 'posting', 'EX', TTL_SECONDS);
  }

  async markPosted(key: string, ts: string): Promise<void> {
    await this.redis.set(this.keys.posted(key), ts, 'EX', TTL_SECONDS);
  }
}
