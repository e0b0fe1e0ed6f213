import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withRedisLock } from '../../../src/adapters/redis/redis-lock.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';

let redis: Redis;
let prefix: string;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});
beforeEach(() => {
  prefix = randomPrefix();
});

describe('withRedisLock', () => {
  it('runs one holder at a time and releases the lock when done', async () => {
    const key = `${prefix}lock:a`;
    const order: string[] = [];
    let release!: () => void;
    const first = withRedisLock(redis, key, async () => {
      order.push('first in');
      await new Promise<void>((r) => (release = r));
      order.push('first out');
    });
    await expect.poll(() => order).toEqual(['first in']);
    const second = withRedisLock(redis, key, async () => void order.push('second'));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second']);
    expect(await redis.exists(key)).toBe(0);
  });

  it('waits out a lock left by a holder that died, in one go, instead of failing busy', async () => {
    // A holder that crashed leaves its lease to run out (it set it with the same lease length).
    const ttlMs = 5_500;
    const key = `${prefix}lock:crashed`;
    await redis.set(key, 'token-of-a-dead-process', 'PX', ttlMs);
    const ran = await withRedisLock(redis, key, async () => 'carried on', { ttlMs });
    expect(ran).toBe('carried on');
  });

  it('gives up with a retryable INCIDENT_BUSY when a live holder keeps it past the wait', async () => {
    const key = `${prefix}lock:busy`;
    await redis.set(key, 'someone-else', 'PX', 60_000);
    await expect(withRedisLock(redis, key, async () => 'never', { waitMs: 100 })).rejects.toMatchObject({ code: 'INCIDENT_BUSY', retryable: true });
  });
});
