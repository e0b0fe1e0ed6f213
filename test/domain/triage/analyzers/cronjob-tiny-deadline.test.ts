import { describe, expect, it } from 'vitest';
import { analyzeCronJobSchedule } from '../../../../src/domain/triage/analyzers/cronjob-schedule.js';
import { minutesAgo } from '../scenarios/builders.js';
import { completed, cronJob } from '../scenarios/cron-jobs.js';

/** Every 20 minutes; the last run started 95 minutes ago, nothing since, not suspended, no event on the CronJob. */
function silentAfterDeadline(deadline: number, writtenAgo?: number) {
  return cronJob('usage-rollup', {
    cron: '*/20 * * * *', suspended: false, concurrencyPolicy: 'Allow', startingDeadlineSeconds: deadline,
    ...(writtenAgo === undefined ? {} : { deadlineWrittenAt: minutesAgo(writtenAgo), deadlineWrittenBy: 'argocd-controller' }),
    lastScheduleTime: minutesAgo(95), lastSuccessfulTime: minutesAgo(93),
  }, [completed('usage-rollup', 95, 2)]);
}

describe('a CronJob whose startingDeadlineSeconds is shorter than the controller\'s own delay', () => {
  it('names the deadline, when it was set, as why every run since is skipped, though no event says so', () => {
    const [f] = analyzeCronJobSchedule(silentAfterDeadline(2, 88));
    expect(f?.title).toMatch(/startingDeadlineSeconds: 2/);
    expect(f?.title).toMatch(/set 1h 28m ago by argocd-controller/);
    expect(f?.likelyCause).toMatch(/records no event/);
    expect(f?.fix).toMatch(/^raise startingDeadlineSeconds/);
    expect(f?.confidence).toBe('high');
  });

  it('does not blame a deadline of minutes without a MissSchedule event', () => {
    const [f] = analyzeCronJobSchedule(silentAfterDeadline(180));
    expect(f?.title).not.toMatch(/startingDeadlineSeconds/);
    expect(f?.confidence).toBe('medium');
  });
});
