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
  /** How long a job's lock lasts without renewal, so a crashed worker's job is picked up by another. Default 30 s (BullMQ's). */
  lockDurationMs?: number;
  /** How often workers look for such stalled jobs. Default 30 s (BullMQ's). */
  stalledIntervalMs?: number;
}

/** 1 s, 2 s, 4 s … capped at 5 minutes, so a long Slack outage is retried for hours, not days. */
export function cappedBackoff(attemptsMade: number): number {
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
      ...(opts.lockDurationMs === undefined ? {} : { lockDuration: opts.lockDurationMs }),
      ...(opts.stalledIntervalMs === undefined ? {} : { stalledInterval: opts.stalledIntervalMs }),
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
