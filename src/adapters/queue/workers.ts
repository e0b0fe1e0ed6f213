/**
 * The worker side of a process: one BullMQ worker per queue, each handing its job to a domain
 * flow given here in domain words, and the weekly digest's schedule. Workers get their own Redis
 * connection (BullMQ needs `maxRetriesPerRequest: null` for blocking reads).
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { IncidentCommandRequest } from '../../domain/incident/incident-command.js';
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { TriageRequest } from '../../domain/triage/triage-request.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../http/metrics.js';
import type { RedisKeys } from '../redis/keys.js';
import { connectRedis } from '../redis/connect-redis.js';
import type { createDigestQueue } from './queues.js';
import { JOBS, QUEUES } from './queue-names.js';
import type { ApplyIncidentCommandJob, HandlePageEventJob, RunTriageJob, SendReminderJob } from './queue-names.js';
import { runWorker } from './run-worker.js';

/** What each job does, in domain words. */
export interface JobHandlers {
  pageEvent(event: PageEvent): Promise<unknown>;
  /** `attempt` of `attempts`: the flow words its first failure and its giving up differently. */
  triage(request: TriageRequest, attempt: number, attempts: number): Promise<unknown>;
  incidentCommand(request: IncidentCommandRequest): Promise<unknown>;
  reminder(job: SendReminderJob): Promise<unknown>;
  overdueDigest(): Promise<unknown>;
}

export interface WorkerSetup {
  redisUrl: string;
  keys: RedisKeys;
  metrics: Metrics;
  log: Logger;
  /** The digest's queue, for its weekly schedule. */
  digestQueue: ReturnType<typeof createDigestQueue>;
  /** Lock and stall-check periods (run-worker.ts has the defaults and their trade-off). */
  timings?: { lockDurationMs: number; stalledIntervalMs: number } | undefined;
}

export function startWorkers(handlers: JobHandlers, setup: WorkerSetup): { workers: Worker[]; connection: Redis } {
  const { log } = setup;
  const connection = connectRedis(setup.redisUrl, log, 'worker', { maxRetriesPerRequest: null });
  const options = { connection, prefix: setup.keys.queuePrefix, metrics: setup.metrics, log, ...setup.timings };
  const workers = [
    runWorker<HandlePageEventJob>(QUEUES.pagerduty, async (job) => void (await handlers.pageEvent(job.data.event)), options),
    runWorker<RunTriageJob>(QUEUES.triage, async (job) => void (await handlers.triage(job.data.request, job.attemptsMade + 1, job.opts.attempts ?? 1)), options),
    runWorker<ApplyIncidentCommandJob>(QUEUES.incidentCommands, async (job) => void (await handlers.incidentCommand(job.data.request)), options),
    runWorker<SendReminderJob>(QUEUES.reminders, async (job) => void (await handlers.reminder(job.data)), options),
    runWorker<Record<string, never>>(QUEUES.digests, async () => void (await handlers.overdueDigest()), options),
  ];
  // Mondays 09:00 UTC; upserting the same scheduler from every replica keeps one. Not awaited:
  // the process must start (and stay live) while Redis is down; this goes through when it is back.
  setup.digestQueue.queue
    .upsertJobScheduler('weekly-overdue-digest', { pattern: '0 9 * * 1', tz: 'UTC' }, { name: JOBS.sendOverdueDigest, data: {} })
    .catch((err: Error) => log.warn({ err: err.message }, 'could not set up the weekly overdue digest; will try at the next start'));
  return { workers, connection };
}
