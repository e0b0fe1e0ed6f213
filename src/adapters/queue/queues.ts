/** Every queue the bot produces to, with its job options. Their workers are in workers.ts. */
import type { Redis } from 'ioredis';
import type { Log } from '../../domain/ports.js';
import type { RedisKeys } from '../redis/keys.js';
import { throttledWarning } from '../redis/throttled-warning.js';
import { JobQueue, retryingJobOptions } from './job-queue.js';
import { PageEventQueue } from './page-event-queue.js';
import { JOBS, QUEUES, requestJobId } from './queue-names.js';
import type { ApplyIncidentCommandJob, RunTriageJob } from './queue-names.js';
import { BullReminderScheduler } from './reminder-scheduler.js';

/**
 * The queues of one bot instance, producing over `producer` (made with `enableOfflineQueue:
 * false`, so an outage fails fast); their errors are warned about, throttled. `now`: the bot's clock.
 */
export function openQueues(producer: Redis, redis: Redis, keys: RedisKeys, opts: { now: () => Date; log: Log }) {
  const triage = createTriageQueue(producer, keys);
  const commands = createIncidentCommandQueue(producer, keys);
  const pages = new PageEventQueue(producer, keys);
  const reminders = new BullReminderScheduler(producer, keys, opts.now);
  // Set up at start, when the producer connection may not be connected yet: this one waits.
  const digests = createDigestQueue(redis, keys);
  const all = [pages, triage, commands, reminders, digests];
  for (const q of all) q.queue.on('error', throttledWarning(opts.log, `queue ${q.name}`));
  return { triage, commands, pages, reminders, digests, all };
}

export function createTriageQueue(redis: Redis, keys: RedisKeys): JobQueue<RunTriageJob> {
  // A triage is useful now or never: a few quick retries, not hours of them.
  return new JobQueue(redis, keys, QUEUES.triage, JOBS.runTriage, retryingJobOptions(4, 24 * 3600), (d) => requestJobId('triage', d.request.id));
}

export function createIncidentCommandQueue(redis: Redis, keys: RedisKeys): JobQueue<ApplyIncidentCommandJob> {
  return new JobQueue(redis, keys, QUEUES.incidentCommands, JOBS.applyIncidentCommand, retryingJobOptions(20, 24 * 3600), (d) =>
    requestJobId('cmd', d.request.id),
  );
}


/** The weekly overdue digest: a job scheduler adds its jobs; nothing else produces to it. */
export function createDigestQueue(redis: Redis, keys: RedisKeys): JobQueue<Record<string, never>> {
  return new JobQueue(redis, keys, QUEUES.digests, JOBS.sendOverdueDigest, retryingJobOptions(10, 30 * 24 * 3600), () => 'unused');
}
