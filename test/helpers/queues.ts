/**
 * A test's view of a bot's BullMQ queues (under the test's key prefix): what is still to do, and
 * waiting until it is done. "Nothing more happened" is asserted after the work is known to be
 * finished — the jobs completed, the queues drained — never after a pause.
 */
import { Queue } from 'bullmq';
import type { JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES } from '../../src/adapters/queue/queue-names.js';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { waitUntil } from './deadline.js';

/** States of a job that still has to run (a retry waiting out its backoff is `delayed`). */
const PENDING: JobType[] = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];

/**
 * The queues of work someone waits for, in the order work flows (a page event queues a triage,
 * never the reverse): reading them in this order, a job queued by a job read as finished is seen.
 * Reminders and the digest are left out: their delayed jobs are due days later.
 */
export const WORK_QUEUES: readonly string[] = [QUEUES.pagerduty, QUEUES.incidentCommands, QUEUES.triage];

export class TestQueues {
  private readonly queues = new Map<string, Queue>();

  /** `redis` is the test's own connection (not closed here); `prefix` the bot's REDIS_KEY_PREFIX. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (q === undefined) {
      q = new Queue(name, { connection: this.redis, prefix: new RedisKeys(this.prefix).queuePrefix });
      this.queues.set(name, q);
    }
    return q;
  }

  /** Jobs of `name` in any state, finished ones included (the bot keeps them). */
  async total(name: string): Promise<number> {
    const counts = await this.queue(name).getJobCounts();
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Jobs still to run, by queue and state; empty when everything asked so far is done. */
  async pending(names: readonly string[] = WORK_QUEUES): Promise<Record<string, Record<string, number>>> {
    const busy: Record<string, Record<string, number>> = {};
    for (const name of names) {
      const counts = await this.queue(name).getJobCounts(...PENDING);
      const nonZero = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      if (Object.keys(nonZero).length > 0) busy[name] = nonZero;
    }
    return busy;
  }

  /** Waits until no job of `names` waits, runs or waits to be retried. */
  async waitForIdle(names: readonly string[] = WORK_QUEUES): Promise<void> {
    let last: Record<string, Record<string, number>> = {};
    await waitUntil(
      async () => {
        last = await this.pending(names);
        return Object.keys(last).length === 0;
      },
      () => `queues still busy: ${JSON.stringify(last)}`,
    );
  }

  /** Waits until job `id` of queue `name` has finished (completed, or failed for good); returns which. */
  async waitForFinished(name: string, id: string): Promise<'completed' | 'failed'> {
    let state = 'unknown';
    await waitUntil(
      async () => {
        state = await this.queue(name).getJobState(id);
        return state === 'completed' || state === 'failed';
      },
      () => `job ${id} of ${name} still ${state}`,
    );
    return state as 'completed' | 'failed';
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
