import { describe, expect, it } from 'vitest';
import { analyzeCronJobSchedule } from '../../../../src/domain/triage/analyzers/cronjob-schedule.js';
import type { JobEvidence } from '../../../../src/domain/triage/evidence.js';
import { minutesAgo } from '../scenarios/builders.js';
import { completed, cronJob } from '../scenarios/cron-jobs.js';
import type { Schedule } from '../scenarios/cron-jobs.js';

/** NOW is 2026-11-21 03:14 UTC, a Saturday. */
const HOUR = 60;
const DAY = 24 * HOUR;
const SYNC = 'orders-warehouse-sync';
/** The last hourly run: 2026-11-17 10:15 UTC. */
const LAST = 3 * DAY + 16 * HOUR + 59;

/** Hourly runs until 2026-11-17 10:15, then `15 * * * *` was edited by hand to `15 * 1 * *` (a 1 in the day-of-month field). */
function editedToFirstOfMonth(over: Partial<Schedule> = {}) {
  const runs = [LAST + 2 * HOUR, LAST + HOUR, LAST].map((t) => completed(SYNC, t, 5.7));
  return cronJob(
    SYNC,
    {
      cron: '15 * 1 * *',
      suspended: false,
      concurrencyPolicy: 'Forbid',
      lastScheduleTime: minutesAgo(LAST),
      lastSuccessfulTime: minutesAgo(LAST - 5.7),
      appliedCron: '15 * * * *',
      scheduleWrittenAt: minutesAgo(LAST - 26),
      scheduleWrittenBy: 'kubectl-edit',
      ...over,
    },
    runs,
  );
}

describe('analyzeCronJobSchedule: a schedule that now fires far less often than the CronJob ran', () => {
  it('says when it last ran, the pace it kept, when the edited schedule fires next, and the schedule as applied', () => {
    const [f, ...rest] = analyzeCronJobSchedule(editedToFirstOfMonth());
    expect(rest).toHaveLength(0);
    expect(f?.kind).toBe('cron-schedule');
    expect(f?.title).toBe(
      'CronJob orders-warehouse-sync has not run for 3d 16h, since 2026-11-17 10:15 UTC, though its kept runs came every 1h: its schedule `15 * 1 * *` fires only on the 1st of the month (next 2026-12-01 00:15 UTC, in 9d 21h); edited to `15 * 1 * *` after it was applied as `15 * * * *` (kubectl-edit, 2026-11-17 10:41 UTC)',
    );
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('last-applied-configuration: schedule 15 * * * *, under which 88 runs would have started since the last');
    expect(f?.evidence).toContain('kept runs (scheduled, oldest first): 2026-11-17 08:15 UTC, 2026-11-17 09:15 UTC, 2026-11-17 10:15 UTC; none of them at a time `15 * 1 * *` fires');
    expect(f?.likelyCause).toContain('With the day-of-month field `1`, `15 * 1 * *` fires only on the 1st of the month');
    expect(f?.nextAction).toContain(`kubectl patch cronjob/${SYNC} -p '{"spec":{"schedule":"15 * * * *"}}'`);
    expect(f?.fix).toBe('restore the schedule `15 * * * *` and run a catch-up Job by hand');
    expect(f?.confirmCommands).toContain(`kubectl apply view-last-applied cronjob/${SYNC} -n payments --context prod-eu-west-1`);
  });

  it('still tells the change from the kept runs alone when no last-applied-configuration was kept (server-side apply)', () => {
    const ev = editedToFirstOfMonth({ appliedCron: undefined, scheduleWrittenAt: undefined, scheduleWrittenBy: undefined });
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toBe(
      'CronJob orders-warehouse-sync has not run for 3d 16h, since 2026-11-17 10:15 UTC, though its kept runs came every 1h: its schedule `15 * 1 * *` fires only on the 1st of the month (next 2026-12-01 00:15 UTC, in 9d 21h)',
    );
    expect(f?.confidence).toBe('medium');
    expect(f?.fix).toBe('correct the schedule and run a catch-up Job by hand');
  });

  it('takes the pace from the applied schedule when only one run is kept', () => {
    const ev = editedToFirstOfMonth();
    ev.jobs = ev.jobs?.slice(-1);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toContain('though as applied (`15 * * * *`) it ran every 1h: its schedule `15 * 1 * *` fires only on the 1st of the month');
  });

  it('raises no alarm on a monthly CronJob that has always been monthly: its kept runs are a month apart and fall on its schedule', () => {
    const monthly = [81, 51, 20].map((d) => completed('invoice-archive', d * DAY + 3 * HOUR + 14, 40));
    // Its runs: 2026-09-01, 10-01 and 11-01 at 00:00 UTC (20d 3h 14m before NOW).
    expect(monthly.map((j) => j.createdAt?.slice(0, 10))).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    const ev = cronJob('invoice-archive', { cron: '0 0 1 * *', suspended: false, lastScheduleTime: monthly[2]?.createdAt, appliedCron: '0 0 1 * *' }, monthly);
    expect(analyzeCronJobSchedule(ev)).toEqual([]);
  });

  it('raises no alarm on a new monthly CronJob not yet due, whose only Jobs are hourly runs started by hand', () => {
    // Created ten days ago, tried three times by hand (kubectl create job --from) five days ago.
    const manual: JobEvidence[] = [5 * DAY + 2 * HOUR, 5 * DAY + HOUR, 5 * DAY].map((t) => ({ ...completed('invoice-archive', t, 40), name: `invoice-archive-test-${t}`, manual: true }));
    const ev = cronJob('invoice-archive', { cron: '0 0 1 * *', suspended: false }, manual);
    expect(analyzeCronJobSchedule(ev)).toEqual([]);
  });

  it('raises no alarm on a weekday schedule over the weekend: the quiet is its own design', () => {
    // Friday 2026-11-20 15:00, 16:00, 17:00 UTC; NOW is Saturday 03:14, 10h 14m after the last.
    const runs = [12 * HOUR + 14, 11 * HOUR + 14, 10 * HOUR + 14].map((t) => completed('ticket-digest', t, 3));
    const ev = cronJob('ticket-digest', { cron: '0 9-17 * * 1-5', suspended: false, lastScheduleTime: runs[2]?.createdAt }, runs);
    expect(analyzeCronJobSchedule(ev)).toEqual([]);
  });

  it('raises no alarm before the quiet is several times the pace it ran at', () => {
    // Edited 2 hours after an hourly run: quiet 2h, under four times the hour.
    const runs = [4 * HOUR, 3 * HOUR, 2 * HOUR].map((t) => completed(SYNC, t, 5));
    const ev = cronJob(SYNC, { cron: '15 * 1 * *', suspended: false, lastScheduleTime: runs[2]?.createdAt, appliedCron: '15 * * * *' }, runs);
    expect(analyzeCronJobSchedule(ev)).toEqual([]);
  });
});
