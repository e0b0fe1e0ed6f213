/** One Redis connection per contract file; each test's keys under a fresh prefix, deleted after. */
import type { Redis } from 'ioredis';
import { afterAll, afterEach } from 'vitest';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';

export function useTestRedis(): { redis: () => Redis; keys: () => RedisKeys } {
  let redis: Redis | undefined;
  const prefixes: string[] = [];
  const connection = (): Redis => (redis ??= connectTestRedis());
  afterEach(async () => {
    for (const prefix of prefixes.splice(0)) await deleteKeys(connection(), prefix);
  });
  afterAll(async () => {
    await redis?.quit();
  });
  return {
    redis: connection,
    keys: () => {
      const prefix = randomPrefix();
      prefixes.push(prefix);
      return new RedisKeys(prefix);
    },
  };
}
