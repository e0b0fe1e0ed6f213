/** The producer side of PagerDuty events: one BullMQ job per event id, so redeliveries collapse. */
import type { Redis } from 'ioredis';
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { RedisKeys } from '../redis/keys.js';
import { JobQueue, retryingJobOptions } from './job-queue.js';
import { JOBS, QUEUES, pageEventJobId } from './queue-names.js';
import type { HandlePageEventJob } from './queue-names.js';

/** Longer than PagerDuty's 48 h of retries, so a late redelivery still finds its job. */
const KEEP_DONE_SECONDS = 3 * 24 * 3600;

export class PageEventQueue extends JobQueue<HandlePageEventJob> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    // 40 attempts with the capped backoff: a Slack outage is retried for about three hours.
    super(redis, keys, QUEUES.pagerduty, JOBS.handlePageEvent, retryingJobOptions(40, KEEP_DONE_SECONDS), (d) => pageEventJobId(d.event.id));
  }

  /** Queues the event once; `duplicate` when this event id was queued before. */
  async enqueueEvent(event: PageEvent): Promise<'queued' | 'duplicate'> {
    const jobId = await this.enqueue({ event });
    // Only tells the two outcomes apart for metrics and the answer; the job id already deduplicates.
    const first = await this.redis.set(this.keys.delivery(jobId), '1', 'EX', KEEP_DONE_SECONDS, 'NX');
    return first === 'OK' ? 'queued' : 'duplicate';
  }
}
