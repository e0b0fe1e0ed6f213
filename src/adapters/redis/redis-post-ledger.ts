import type { Redis } from 'ioredis';
import type { PostLedger } from '../../domain/ports.js';
import type { RedisKeys } from './keys.js';

/** Kept a month: long past any retry of the work that posted. */
const TTL_SECONDS = 30 * 24 * 3600;
const POSTING = 'posting@';

/** Swaps a stale claim for a new one only if nobody changed it meanwhile. */
const RECLAIM = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 else return 0 end`;

/** One string per message key: `posting@<ms>` while claimed, the Slack ts once posted. */
export class RedisPostLedger implements PostLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async read(key: string): Promise<{ posted: string } | { postingSince: number } | undefined> {
    const value = await this.redis.get(this.keys.posted(key));
    if (value === null) return undefined;
    return value.startsWith(POSTING) ? { postingSince: Number(value.slice(POSTING.length)) || 0 } : { posted: value };
  }

  async claim(key: string, now: number): Promise<boolean> {
    return (await this.redis.set(this.keys.posted(key), `${POSTING}${now}`, 'EX', TTL_SECONDS, 'NX')) === 'OK';
  }

  async reclaim(key: string, since: number, now: number): Promise<boolean> {
    return (await this.redis.eval(RECLAIM, 1, this.keys.posted(key), `${POSTING}${since}`, `${POSTING}${now}`, String(TTL_SECONDS))) === 1;
  }

  async markPosted(key: string, ts: string): Promise<void> {
    await this.redis.set(this.keys.posted(key), ts, 'EX', TTL_SECONDS);
  }
}
