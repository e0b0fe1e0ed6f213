/** ReminderScheduler: one behaviour, run against BullReminderScheduler (BullMQ on the real Redis) and MemoryReminderScheduler. */
import { afterEach, describe, expect, it } from 'vitest';
import { BullReminderScheduler } from '../../src/adapters/queue/reminder-scheduler.js';
import type { ReminderScheduler } from '../../src/domain/postmortem/postmortem-ports.js';
import { MemoryReminderScheduler } from '../support/memory-reminder-scheduler.js';
import type { ScheduledReminder } from '../support/memory-reminder-scheduler.js';
import { useTestRedis } from './redis-fixture.js';

const redis = useTestRedis();
const NOW = new Date('2026-11-21T10:00:00.000Z');

interface Harness {
  scheduler: ReminderScheduler;
  /** What is scheduled to run, sorted by time then id. */
  scheduled(): Promise<ScheduledReminder[]>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const sorted = (list: ScheduledReminder[]) => [...list].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

const harnesses: [string, () => Harness][] = [
  [
    'BullReminderScheduler',
    () => {
      const scheduler = new BullReminderScheduler(redis.redis(), redis.keys(), () => NOW);
      closers.push(() => scheduler.close());
      return {
        scheduler,
        scheduled: async () => sorted((await scheduler.queue.getJobs(['delayed', 'waiting'])).map((j) => ({ id: j.data.reminderId, itemId: j.data.itemId, at: j.data.at, kind: j.data.kind }))),
      };
    },
  ],
  [
    'MemoryReminderScheduler',
    () => {
      const scheduler = new MemoryReminderScheduler();
      return { scheduler, scheduled: async () => sorted(scheduler.scheduled) };
    },
  ],
];

const dayBefore: ScheduledReminder = { id: 'A1-day-before-2026-11-24', itemId: 'A1', at: '2026-11-24T08:00:00.000Z', kind: 'day-before' };

describe.each(harnesses)('ReminderScheduler contract: %s', (_name, makeHarness) => {
  it('keeps one job for a reminder scheduled twice', async () => {
    const { scheduler, scheduled } = makeHarness();
    await scheduler.schedule(dayBefore);
    await scheduler.schedule({ ...dayBefore });
    expect(await scheduled()).toEqual([dayBefore]);
  });

  it('schedules a reminder moved to another time (a snooze) as a new job, and one already due too', async () => {
    const { scheduler, scheduled } = makeHarness();
    await scheduler.schedule(dayBefore);
    const moved = { ...dayBefore, at: '2026-11-24T12:00:00.000Z' };
    const past = { id: 'A2-overdue-2026-11-20', itemId: 'A2', at: '2026-11-20T08:00:00.000Z', kind: 'overdue' as const };
    await scheduler.schedule(moved);
    await scheduler.schedule(past);
    expect(await scheduled()).toEqual([past, dayBefore, moved]);
  });
});
