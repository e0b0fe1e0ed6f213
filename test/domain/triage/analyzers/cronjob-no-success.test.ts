import { describe, expect, it } from 'vitest';
import { analyzeCronJobNoSuccess } from '../../../../src/domain/triage/analyzers/cronjob-no-success.js';
import type { JobEvidence, LogEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, event, minutesAgo } from '../scenarios/builders.js';
import { REPLACED as CRON, REPLACED_SUCCESS as LAST_SUCCESS, completed, cronEvent, cronJob, jobName, replacedEveryRun, stillRunning } from '../scenarios/cron-jobs.js';
import { healthyScenario } from '../scenarios/healthy.js';

function failed(cron: string, scheduledMinutesAgo: number, ranMinutes: number): JobEvidence {
  const at = minutesAgo(scheduledMinutesAgo - ranMinutes);
  return { ...stillRunning(cron, scheduledMinutesAgo), active: 0, failed: 3, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', lastTransitionTime: at }] };
}

describe('analyzeCronJobNoSuccess', () => {
  it('calls a CronJob whose kept runs completed hours ago failing, and names Replace deleting each run still going when the next is due', () => {
    const [f, ...rest] = analyzeCronJobNoSuccess(replacedEveryRun());
    expect(rest).toHaveLength(0);
    expect(f?.id).toBe(`cron-no-success/${CRON}`);
    expect(f?.kind).toBe('cron-no-success');
    expect(f?.title).toBe(`CronJob ${CRON}: no run has completed for 9h 4m (last success 2026-11-20 18:09 UTC; 55 schedules since); concurrencyPolicy Replace deleted the run still going each time the next was due`);
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe(`Deleted job ${jobName(CRON, 14)}`);
    expect(f?.evidence).toEqual([
      `status.lastSuccessfulTime ${minutesAgo(LAST_SUCCESS)} (9h 4m ago)`,
      `schedule */10 * * * * (UTC, every 10m), concurrencyPolicy Replace, lastScheduleTime ${minutesAgo(4)}`,
      'completed runs kept took 9m 36s, 9m, 8m 12s (newest first) against 10m between runs',
      `CronJob events: at 6 of the last 6 schedules "Deleted job …" came with "Created job …"; the newest 4m ago: SuccessfulDelete "Deleted job ${jobName(CRON, 14)}"`,
      `Job ${jobName(CRON, 4)} running for 4m; the next schedule (2026-11-21 03:20 UTC) replaces it unless it finishes first`,
    ]);
    expect(f?.likelyCause).toBe('A run now takes longer than the 10m between schedules (the last completed runs took 9m 36s, 9m, 8m 12s, newest first), so under concurrencyPolicy Replace the CronJob controller deletes the running Job and its pod each time the next run is due and starts over: no run finishes.');
    expect(f?.fix).toBe('set concurrencyPolicy Forbid (or a longer schedule) so a run can finish');
    expect(f?.nextAction).toContain(`kubectl patch cronjob/${CRON} -p '{"spec":{"concurrencyPolicy":"Forbid"}}'`);
    expect(f?.confirmCommands).toContain(`kubectl get events --field-selector involvedObject.kind=CronJob,involvedObject.name=${CRON} --sort-by=.lastTimestamp -n payments --context prod-eu-west-1`);
  });

  it('says how many schedules replaced a run when not all of them did', () => {
    const ev = replacedEveryRun();
    ev.events = ev.events.filter((e) => !(e.reason === 'SuccessfulDelete' && e.lastSeen === minutesAgo(54)));
    expect(analyzeCronJobNoSuccess(ev)[0]?.title).toMatch(/; concurrencyPolicy Replace deleted the run still going at 5 of the last 6 schedules$/);
  });

  it('does not take a history clean-up, which deletes a finished Job when a run ends, for a run replaced', () => {
    const ev = replacedEveryRun();
    ev.events = [cronEvent('SuccessfulCreate', `Created job ${jobName(CRON, 24)}`, 24), cronEvent('SawCompletedJob', `Saw completed job: ${jobName(CRON, 24)}, status: Failed`, 17), cronEvent('SuccessfulDelete', `Deleted job ${jobName(CRON, 44)}`, 17)];
    const [f] = analyzeCronJobNoSuccess(ev);
    expect(f?.title).toBe(`CronJob ${CRON}: no run has completed for 9h 4m (last success 2026-11-20 18:09 UTC; 55 schedules since)`);
    expect(f?.confidence).toBe('medium');
    expect(f?.decisive).toBe(`lastSuccessfulTime: ${minutesAgo(LAST_SUCCESS)}`);
    // Replace stays a hypothesis to check, with what would show it.
    expect(f?.likelyCause).toMatch(/^Under concurrencyPolicy Replace a run still going when the next is due is deleted/);
    expect(f?.fix).toBeUndefined();
  });

  it('counts the schedules since the last success when runs fail, dated from the newest completed Job when the status has no lastSuccessfulTime', () => {
    // Hourly; the 23:00 run was the last to complete, the 00:00 … 03:00 runs did not.
    const ev = cronJob('hourly-export', { cron: '0 * * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(14) }, [failed('hourly-export', 14, 5), completed('hourly-export', 254, 1)]);
    const [f] = analyzeCronJobNoSuccess(ev);
    expect(f?.title).toBe('CronJob hourly-export: no run has completed for 4h 13m (last success 2026-11-20 23:01 UTC; 4 schedules since); 1 kept run failed');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence[0]).toBe(`newest completed Job finished ${minutesAgo(253)} (4h 13m ago)`);
    expect(f?.decisive).toBe(`completionTime: ${minutesAgo(253)}`);
    expect(f?.evidence).toContain(`Job ${jobName('hourly-export', 14)} failed (BackoffLimitExceeded)`);
    expect(f?.likelyCause).toBe('Runs since then failed: how the failed Jobs\' pods ended says why.');
  });

  it('says nothing of a run or two without success, of the run still going, or of runs skipped rather than started', () => {
    // Two schedules since the last success, one of them the run still going.
    expect(analyzeCronJobNoSuccess(replacedEveryRun({ lastSuccessfulTime: minutesAgo(16) }))).toEqual([]);
    // Forbid: the 02:00 run hangs and the 02:30 and 03:00 runs were skipped (cronjob-schedule's finding), not started and failed.
    const hung = cronJob('settlement-sync', { cron: '*/30 * * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(74), lastSuccessfulTime: minutesAgo(101) }, [stillRunning('settlement-sync', 74), completed('settlement-sync', 104, 3)]);
    expect(analyzeCronJobNoSuccess(hung)).toEqual([]);
  });

  it('counts from a resume, not through the time the CronJob was suspended', () => {
    // Suspended for two days and resumed 20 minutes ago: the 03:00 and 03:10 runs are the only ones due since.
    expect(analyzeCronJobNoSuccess(replacedEveryRun({ lastSuccessfulTime: minutesAgo(2 * 24 * 60), suspendedAt: minutesAgo(20) }))).toEqual([]);
  });

  it('makes no claim when nothing dates a success, when suspended (cronjob-schedule tells it), or for another kind of workload', () => {
    const undated = replacedEveryRun({ lastSuccessfulTime: undefined });
    undated.jobs = [stillRunning(CRON, 4)];
    expect(analyzeCronJobNoSuccess(undated)).toEqual([]);
    expect(analyzeCronJobNoSuccess(replacedEveryRun({ suspended: true }))).toEqual([]);
    expect(analyzeCronJobNoSuccess(healthyScenario())).toEqual([]);
  });

  describe('runs piled up under concurrencyPolicy Allow', () => {
    const PILED = 'balance-rollup';
    /** Every 5 minutes under Allow: the last success 40m ago, and every run since still going. */
    function piledUp(logs: LogEvidence[] = []): TriageEvidence {
      const running = [4, 9, 14, 19, 24, 29, 34, 39].map((a) => stillRunning(PILED, a));
      const ev = cronJob(PILED, { cron: '*/5 * * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(4), lastSuccessfulTime: minutesAgo(40.8) }, [...running, completed(PILED, 44, 3.2), completed(PILED, 49, 1.3)]);
      return { ...ev, logs };
    }
    const lockLog = (scheduledAgo: number, lines: string[]): LogEvidence => ({ pod: `${jobName(PILED, scheduledAgo)}-f5k66`, container: 'rollup', previous: false, lines });

    it('counts the runs going at once and names the lock their logs wait on', () => {
      const [f, ...rest] = analyzeCronJobNoSuccess(piledUp([
        lockLog(14, ['2026-11-21 03:00:06,000 INFO rollup start rows=4221880', '2026-11-21 03:00:36,000 WARNING waiting for lock on daily_balances (held by pids 48213,48377)', '2026-11-21 03:13:00,000 WARNING still waiting for lock on daily_balances']),
        lockLog(4, ['2026-11-21 03:10:06,000 INFO rollup start rows=4225480', '2026-11-21 03:13:00,000 WARNING still waiting for lock on daily_balances']),
      ]));
      expect(rest).toEqual([]);
      expect(f?.title).toBe(`CronJob ${PILED}: no run has completed for 40m (last success 2026-11-21 02:33 UTC; 8 schedules since); concurrencyPolicy Allow let the runs pile up: 8 Jobs active at once, the oldest for 39m against 5m between schedules, and the 2 logs read show their runs waiting on a lock`);
      expect(f?.decisive).toBe('2026-11-21 03:00:36,000 WARNING waiting for lock on daily_balances (held by pids 48213,48377)');
      expect(f?.severity).toBe('critical');
      expect(f?.confidence).toBe('high');
      expect(f?.evidence).toContain(`log ${jobName(PILED, 4)}-f5k66: 2026-11-21 03:13:00,000 WARNING still waiting for lock on daily_balances`);
      expect(f?.fix).toBe(`set concurrencyPolicy Forbid and delete the piled-up runs but the oldest (${jobName(PILED, 39)}) so it can finish alone`);
      expect(f?.nextAction).toContain(`kubectl delete job ${[34, 29, 24, 19, 14, 9, 4].map((a) => jobName(PILED, a)).join(' ')} -n payments`);
      expect(f?.likelyCause).toMatch(/^A run now takes longer than the 5m between schedules \(the last completed runs took 3m 12s, 1m 18s, newest first\), and concurrencyPolicy Allow starts the next one anyway: 8 runs go at once, and their logs show them waiting on a lock/);
    });

    it('names the pile-up without a lock when no log read says so, and not under Forbid or with one run going', () => {
      const [f] = analyzeCronJobNoSuccess(piledUp());
      expect(f?.title).toMatch(/; concurrencyPolicy Allow let the runs pile up: 8 Jobs active at once, the oldest for 39m against 5m between schedules$/);
      expect(f?.decisive).toBeUndefined();
      const forbid = piledUp();
      if (forbid.workload?.schedule) forbid.workload.schedule.concurrencyPolicy = 'Forbid';
      expect(analyzeCronJobNoSuccess(forbid)[0]?.title).not.toMatch(/pile up/);
      const one = piledUp();
      one.jobs = (one.jobs ?? []).map((j, k) => (k === 0 || j.active === 0 ? j : { ...j, active: 0, failed: 3, conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded' }] }));
      expect(analyzeCronJobNoSuccess(one)[0]?.title).not.toMatch(/pile up/);
    });
  });

  describe('failed runs whose Jobs are gone', () => {
    // Nightly at 02:30; the last success 3 nights ago; each run since failed and was deleted as it ended.
    const NIGHTLY = 'search-reindex';
    function vanished(ttl: number | undefined, jobEvents = true): TriageEvidence {
      const ev = cronJob(NIGHTLY, { cron: '30 2 * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(44), lastSuccessfulTime: minutesAgo(3 * 24 * 60 + 20), ...(ttl === undefined ? {} : { jobTtlSeconds: ttl }) }, []);
      ev.events = [
        cronEvent('SuccessfulCreate', `Created job ${jobName(NIGHTLY, 44)}`, 44, NIGHTLY),
        cronEvent('SawCompletedJob', `Saw completed job: ${jobName(NIGHTLY, 44)}, status: Failed`, 31, NIGHTLY),
        ...(jobEvents ? [event({ object: { kind: 'Job', name: jobName(NIGHTLY, 44), namespace: NS }, type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', firstSeen: minutesAgo(31), lastSeen: minutesAgo(31), source: 'job-controller' })] : []),
      ];
      return ev;
    }

    it('says the runs failed (the Job\'s own reason) and that ttlSecondsAfterFinished 0 deletes each Job and its pods as it ends', () => {
      const [f] = analyzeCronJobNoSuccess(vanished(0));
      expect(f?.title).toMatch(/; the last run failed \(BackoffLimitExceeded\), and ttlSecondsAfterFinished 0 has the TTL controller delete each Job and its pods the moment it ends$/);
      expect(f?.decisive).toBe('Job has reached the specified backoff limit');
      expect(f?.confidence).toBe('high');
      expect(f?.likelyCause).toMatch(/only events remain/);
      expect(f?.nextAction).toMatch(/^Keep the evidence first: raise ttlSecondsAfterFinished/);
      expect(f?.evidence).toContain(`CronJob event SawCompletedJob 31m ago: "Saw completed job: ${jobName(NIGHTLY, 44)}, status: Failed"`);
    });

    it('says the runs failed from the Job\'s events alone when no TTL is set, and stays a hypothesis with neither', () => {
      expect(analyzeCronJobNoSuccess(vanished(undefined))[0]?.title).toMatch(/; the last run failed \(BackoffLimitExceeded\), and the Jobs are gone$/);
      expect(analyzeCronJobNoSuccess(vanished(undefined, false))[0]?.confidence).toBe('medium');
    });
  });
});
