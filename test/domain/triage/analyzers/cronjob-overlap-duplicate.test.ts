import { describe, expect, it } from 'vitest';
import { analyzeCronJobOverlapDuplicate } from '../../../../src/domain/triage/analyzers/cronjob-overlap-duplicate.js';
import type { JobEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { minutesAgo } from '../scenarios/builders.js';
import { type Schedule, completed, cronJob, jobName, stillRunning } from '../scenarios/cron-jobs.js';

const CRON = 'orders-sync';
const DUP = '{"level":"error","msg":"sync failed","err":"E11000 duplicate key error collection: shop.orders index: orderId_1 dup key: { orderId: \\"A-1\\" }"}';

function failedBeside(scheduledMinutesAgo: number, ranMinutes: number): JobEvidence {
  return { ...stillRunning(CRON, scheduledMinutesAgo), active: 0, failed: 1, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', lastTransitionTime: minutesAgo(scheduledMinutesAgo - ranMinutes) }] };
}

// Runs every 5m that take 7–8m; edited by hand (Forbid to Allow, every 15m to every 5m) 2h 12m ago.
function overlapping(over: Partial<Schedule> = {}, log = DUP): TriageEvidence {
  const schedule: Schedule = {
    cron: '*/5 * * * *', suspended: false, concurrencyPolicy: 'Allow', appliedConcurrencyPolicy: 'Forbid', appliedCron: '*/15 * * * *',
    concurrencyWrittenAt: minutesAgo(132), concurrencyWrittenBy: 'kubectl-edit', scheduleWrittenAt: minutesAgo(132), scheduleWrittenBy: 'kubectl-edit', ...over,
  };
  const ev = cronJob(CRON, schedule, [stillRunning(CRON, 4), stillRunning(CRON, 9), failedBeside(14, 8), completed(CRON, 24, 8), completed(CRON, 44, 7.5)]);
  return { ...ev, logs: [{ pod: `${jobName(CRON, 14)}-abcde`, container: 'app', previous: false, lines: [log] }] };
}

describe('analyzeCronJobOverlapDuplicate', () => {
  it('names the overlap, the run time against the period, the edit that allowed it and the fix', () => {
    const [f] = analyzeCronJobOverlapDuplicate(overlapping());
    expect(f?.title).toMatch(/^CronJob orders-sync: runs overlap — concurrencyPolicy Allow starts one every 5m while a run takes 7m 30s–8m, 2 Jobs active at once/);
    expect(f?.title).toMatch(/since kubectl-edit wrote the CronJob 2h 12m ago \(concurrencyPolicy Forbid → Allow, schedule \*\/15 \* \* \* \* → \*\/5 \* \* \* \*\)/);
    expect(f?.title).toMatch(/failed on a duplicate key \("E11000 duplicate key error/);
    expect(f?.fix).toMatch(/^set concurrencyPolicy Forbid \(and the schedule back to \*\/15 \* \* \* \*\), or make the run's inserts idempotent/);
  });

  it('names no edit older than the window, and stays quiet under Forbid or without a duplicate key', () => {
    expect(analyzeCronJobOverlapDuplicate(overlapping({ concurrencyWrittenAt: minutesAgo(60 * 24 * 30), scheduleWrittenAt: minutesAgo(60 * 24 * 30) }))[0]?.title).not.toMatch(/since /);
    expect(analyzeCronJobOverlapDuplicate(overlapping({ concurrencyPolicy: 'Forbid' }))).toEqual([]);
    expect(analyzeCronJobOverlapDuplicate(overlapping({}, '{"level":"error","msg":"sync failed","err":"connection refused"}'))).toEqual([]);
  });
});
