/** The producer side of triage: commands, buttons and pages queue a run; a worker does it. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TriageRequest } from '../../domain/triage/triage-request.js';
import type { RedisKeys } from '../redis/keys.js';
import { JOBS, QUEUES, triageJobId } from './queue-names.js';
import type { RunTriageJob } from './queue-names.js';

export const TRIAGE_JOB_OPTIONS = {
  // A triage is useful now or never: a few quick retries, not hours of them.
  attempts: 4,
  backoff: { type: 'capped-exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export class TriageQueue {
  readonly queue: Queue<RunTriageJob>;

  constructor(redis: Redis, keys: RedisKeys) {
    this.queue = new Queue<RunTriageJob>(QUEUES.triage, { connection: redis, prefix: keys.queuePrefix });
  }

  async enqueue(request: TriageRequest): Promise<void> {
    await this.queue.add(JOBS.runTriage, { request }, { ...TRIAGE_JOB_OPTIONS, jobId: triageJobId(request.id) });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
