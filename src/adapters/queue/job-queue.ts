/**
 * The producer side of one BullMQ queue: one job name, one payload type, and a job id
 * taken from the payload, so adding the same work twice keeps one job.
 */
import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { dependencyUnavailable, describeError } from '../../errors.js';
import type { RedisKeys } from '../redis/keys.js';

/** How long queueing may take before the caller is told Redis is unavailable. */
const ENQUEUE_TIMEOUT_MS = 1500;

export class JobQueue<T> {
  readonly queue: Queue<T>;

  /** `redis` should have `enableOfflineQueue: false` so an outage fails fast instead of hanging the caller. */
  constructor(
    private readonly connection: Redis,
    keys: RedisKeys,
    readonly name: string,
    private readonly jobName: string,
    private readonly options: JobsOptions,
    private readonly idOf: (data: T) => string,
  ) {
    this.queue = new Queue<T>(name, { connection, prefix: keys.queuePrefix });
  }

  /**
   * `extra`: per-job options such as `delay`. Fails with DEPENDENCY_UNAVAILABLE (Redis) after
   * `ENQUEUE_TIMEOUT_MS`: BullMQ waits for a lost connection to come back rather than failing,
   * and callers (Slack's 3 s, PagerDuty's 5 s) need an answer now. A late success is harmless:
   * the job id makes the retry a duplicate. A failure while Redis is unreachable (the
   * connection is not ready, or Redis answered with an error) is DEPENDENCY_UNAVAILABLE (Redis)
   * too; anything else is passed on as it is, so it is never blamed on Redis.
   */
  async enqueue(data: T, extra: JobsOptions = {}): Promise<string> {
    const jobId = this.idOf(data);
    // BullMQ's typings want the job name to be one of the queue's; ours has exactly one.
    const adding = this.queue.add(this.jobName as never, data as never, { ...this.options, ...extra, jobId }).catch((err: unknown) => {
      throw this.redisDown(err) ? dependencyUnavailable('Redis', describeError(err), err) : err;
    });
    adding.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(dependencyUnavailable('Redis', `no answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([adding, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return jobId;
  }

  private redisDown(err: unknown): boolean {
    return this.connection.status !== 'ready' || (err instanceof Error && err.name === 'ReplyError');
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/** Retries for work someone waits on: quick at first, then every few minutes for a while. */
export function retryingJobOptions(attempts: number, keepDoneSeconds: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'capped-exponential', delay: 1000 },
    removeOnComplete: { age: keepDoneSeconds },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
