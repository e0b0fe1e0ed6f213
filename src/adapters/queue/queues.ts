/** Every queue the bot produces to, with its job options. Workers are in rootcause.ts. */
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';
import { JobQueue, retryingJobOptions } from './job-queue.js';
import { JOBS, QUEUES, requestJobId } from './queue-names.js';
import type { ApplyIncidentCommandJob, RunTriageJob } from './queue-names.js';

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
