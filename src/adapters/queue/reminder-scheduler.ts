/**
 * Reminders as BullMQ delayed jobs. The job id holds the reminder's deterministic id and
 * its time, so scheduling the same reminder twice (retries, replicas, restarts) keeps one
 * job, while a reminder moved by a snooze gets a new one. The DM itself is keyed by the
 * reminder id alone (post ledger), so it is sent once whatever fires.
 */
import type { Redis } from 'ioredis';
import type { ReminderScheduler } from '../../domain/postmortem/postmortem-ports.js';
import type { RedisKeys } from '../redis/keys.js';
import { JobQueue } from './job-queue.js';
import { JOBS, QUEUES, requestJobId } from './queue-names.js';
import type { SendReminderJob } from './queue-names.js';

export class BullReminderScheduler extends JobQueue<SendReminderJob> implements ReminderScheduler {
  constructor(
    redis: Redis,
    keys: RedisKeys,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(
      redis,
      keys,
      QUEUES.reminders,
      JOBS.sendActionReminder,
      {
        attempts: 20,
        backoff: { type: 'capped-exponential', delay: 1000 },
        // Kept long after firing so the same (reminder, time) is never scheduled again.
        removeOnComplete: { age: 60 * 24 * 3600 },
        removeOnFail: { age: 60 * 24 * 3600 },
      },
      (d) => requestJobId('rem', `${d.reminderId}-${Date.parse(d.at)}`),
    );
  }

  async schedule(reminder: { id: string; itemId: string; at: string; kind: 'day-before' | 'due' | 'overdue' }): Promise<void> {
    const delay = Math.max(0, Date.parse(reminder.at) - this.now().getTime());
    await this.enqueue({ itemId: reminder.itemId, reminderId: reminder.id, kind: reminder.kind, at: reminder.at }, { delay });
  }
}
