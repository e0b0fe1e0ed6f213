/**
 * Queueing fails as DEPENDENCY_UNAVAILABLE (Redis) only when Redis is what failed, so the answers
 * people get name Redis truthfully. Against the real Redis, and a port where nothing listens.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../../src/adapters/queue/job-queue.js';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RootcauseError } from '../../../src/errors.js';
import { TEST_REDIS_URL, deleteKeys, randomPrefix } from '../../helpers/redis.js';

const opened: { queue: JobQueue<{ id: string }>; redis: Redis; prefix: string }[] = [];

async function queueOn(url: string): Promise<JobQueue<{ id: string }>> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  // The refused connection is the point of one test: not worth a line on stderr.
  redis.on('error', () => undefined);
  await redis.connect().catch(() => undefined);
  const prefix = randomPrefix();
  const queue = new JobQueue<{ id: string }>(redis, new RedisKeys(prefix), 'test-jobs', 'test-job', {}, (d) => d.id);
  queue.queue.on('error', () => undefined);
  opened.push({ queue, redis, prefix });
  return queue;
}

afterEach(async () => {
  for (const { queue, redis, prefix } of opened.splice(0)) {
    if (redis.status === 'ready') await deleteKeys(redis, prefix);
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
});

describe('JobQueue.enqueue failures', () => {
  it('says Redis is unavailable when it cannot reach Redis', async () => {
    const queue = await queueOn('redis://127.0.0.1:1');
    const err = await queue.enqueue({ id: 'job-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RootcauseError);
    expect(err).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', dependency: 'Redis', retryable: true });
  });

  it('passes on a refusal that is not Redis’s as it is (BullMQ refuses an all-digit job id)', async () => {
    const queue = await queueOn(TEST_REDIS_URL);
    const err = await queue.enqueue({ id: '12345' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(RootcauseError);
    expect(await queue.enqueue({ id: 'job-1' })).toBe('job-1');
  });
});
