/**
 * A BullMQ worker with our conventions: coded errors decide retry or not, every run
 * is timed for /metrics, and jobs that give up are logged with what they carried.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Log } from '../../domain/ports.js';
import { describeError, isRetryable } from '../../errors.js';
import type { Metrics } from '../http/metrics.js';
import { throttledWarning } from '../redis/throttled-warning.js';

export interface WorkerOptions {
  /** A connection made with `maxRetriesPerRequest: null`, as BullMQ workers require. */
  connection: Redis;
  prefix: string;
  /** Parallel jobs in this process. Default 8: jobs mostly wait on Slack and PagerDuty. */
  concurrency?: number;
  metrics: Metrics;
  log: Log;
  /** How long a job's lock lasts without renewal, so a crashed worker's job is picked up by another. Default 10 s. */
  lockDurationMs?: number;
  /** How often workers look for such stalled jobs. Default 5 s. */
  stalledIntervalMs?: number;
}

/**
 * A crashed worker's job is picked up once its lock has expired and a stalled check has seen
 * it: at most lock + interval after the crash (15 s here; BullMQ's defaults, 30 s + 30 s, took
 * up to 90 s). The price: the lock is renewed every 5 s (half the lock) by every running job, and
 * a job whose process is blocked for over 10 s without renewing is run a second time. Our jobs
 * wait on the network and never block the event loop that long; every step is safe to run twice.
 */
export const DEFAULT_LOCK_MS = 10_000;
export const DEFAULT_STALLED_INTERVAL_MS = 5_000;

/** 1 s, 2 s, 4 s … capped at 5 minutes, so a long Slack outage is retried for hours, not days. */
function cappedBackoff(attemptsMade: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 5 * 60_000);
}

export function runWorker<T>(queue: string, handle: (job: Job<T>) => Promise<void>, opts: WorkerOptions): Worker<T> {
  const worker = new Worker<T>(
    queue,
    async (job) => {
      const stop = opts.metrics.jobDuration.startTimer({ queue });
      try {
        await handle(job);
        stop({ outcome: 'done' });
      } catch (err) {
        const retryable = isRetryable(err);
        stop({ outcome: retryable ? 'retry' : 'failed' });
        opts.log.warn({ queue, jobId: job.id, attempt: job.attemptsMade + 1, retryable, err: describeError(err) }, 'job failed');
        if (!retryable) throw new UnrecoverableError(describeError(err));
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 8,
      lockDuration: opts.lockDurationMs ?? DEFAULT_LOCK_MS,
      stalledInterval: opts.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
      settings: { backoffStrategy: (attemptsMade: number) => cappedBackoff(attemptsMade) },
    },
  );
  worker.on('failed', (job, err) => {
    const final = job !== undefined && (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1));
    if (final) opts.log.error({ queue, jobId: job?.id, data: job?.data, err: err.message }, 'job gave up');
  });
  worker.on('error', throttledWarning(opts.log, `worker ${queue}`));
  return worker;
}
