/** The producer side of PagerDuty events: one BullMQ job per event id, so redeliveries collapse. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { RedisKeys } from '../redis/keys.js';
import { JOBS, QUEUES, pageEventJobId } from './queue-names.js';
import type { HandlePageEventJob } from './queue-names.js';

/** Longer than PagerDuty's 48 h of retries, so a late redelivery still finds its job. */
const KEEP_DONE_SECONDS = 3 * 24 * 3600;

export const PAGE_EVENT_JOB_OPTIONS = {
  attempts: 40,
  backoff: { type: 'capped-exponential', delay: 1000 },
  removeOnComplete: { age: KEEP_DONE_SECONDS },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export class PageEventQueue {
  readonly queue: Queue<HandlePageEventJob>;

  /** `redis` should have `enableOfflineQueue: false` so an outage fails fast instead of hanging the webhook. */
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.queue = new Queue<HandlePageEventJob>(QUEUES.pagerduty, { connection: redis, prefix: keys.queuePrefix });
  }

  /** Queues the event once; `duplicate` when this event id was queued before. */
  async enqueue(event: PageEvent): Promise<'queued' | 'duplicate'> {
    const jobId = pageEventJobId(event.id);
    await this.queue.add(JOBS.handlePageEvent, { event }, { ...PAGE_EVENT_JOB_OPTIONS, jobId });
    // Only tells the two outcomes apart for metrics and the answer; the job id already deduplicates.
    const first = await this.redis.set(this.keys.delivery(jobId), '1', 'EX', KEEP_DONE_SECONDS, 'NX');
    return first === 'OK' ? 'queued' : 'duplicate';
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
