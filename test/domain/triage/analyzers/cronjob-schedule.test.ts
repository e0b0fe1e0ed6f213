import { describe, expect, it } from 'vitest';
import { analyzeCronJobSchedule } from '../../../../src/domain/triage/analyzers/cronjob-schedule.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { event, minutesAgo } from '../scenarios/builders.js';
import { completed, cronEvent, cronJob, stillRunning } from '../scenarios/cron-jobs.js';
import { healthyScenario } from '../scenarios/healthy.js';

const CRON = 'daily-revenue-report';
const DAY = 24 * 60;
/** NOW is 2026-11-21 03:14 UTC: today's 01:30 run was 104 minutes ago. */
const RUN_0130 = 104;

/** The last three nightly runs (Nov 17–19) completed; kubectl patch suspended it two days ago. */
function suspendedTwoDaysAgo(): TriageEvidence {
  const runs = [2, 3, 4].map((d) => completed(CRON, d * DAY + RUN_0130, 21));
  return cronJob(
    CRON,
    {
      cron: '30 1 * * *',
      suspended: true,
      concurrencyPolicy: 'Allow',
      suspendedAt: minutesAgo(2 * DAY + 14),
      suspendedBy: 'kubectl-patch',
      lastScheduleTime: minutesAgo(2 * DAY + RUN_0130),
      lastSuccessfulTime: minutesAgo(2 * DAY + RUN_0130 - 21),
    },
    runs,
  );
}

describe('analyzeCronJobSchedule', () => {
  it('reports a CronJob suspended two days ago with the runs it skipped, who paused it and how to resume it', () => {
    const findings = analyzeCronJobSchedule(suspendedTwoDaysAgo());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe(`cron-schedule/${CRON}`);
    expect(f?.kind).toBe('cron-schedule');
    expect(f?.title).toBe(
      `CronJob ${CRON} is suspended (spec.suspend: true, set 2d ago by kubectl-patch): 2 scheduled runs skipped (2026-11-20 01:30 UTC, 2026-11-21 01:30 UTC), the last one started 2026-11-19 01:30 UTC (2d 1h ago)`,
    );
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.layer).toBe('rollout/change');
    expect(f?.decisive).toBe('spec.suspend: true');
    expect(f?.evidence).toEqual([
      'spec.suspend: true, written 2d ago by field manager kubectl-patch',
      'schedule 30 1 * * * (UTC); the last one started 2026-11-19 01:30 UTC (2d 1h ago)',
      'runs due since then and not started: 2026-11-20 01:30 UTC, 2026-11-21 01:30 UTC',
    ]);
    expect(f?.nextAction).toBe(
      `Resume it (\`kubectl patch cronjob/${CRON} -p '{"spec":{"suspend":false}}'\` — the bot will not), then run what was missed by hand (\`kubectl create job --from=cronjob/${CRON} ${CRON}-manual\`).`,
    );
    expect(f?.fix).toBe('resume the CronJob and run the missed runs by hand');
    expect(f?.confirmCommands).toEqual([
      `kubectl get cronjob/${CRON} -o jsonpath='{.spec.suspend} {.status.lastScheduleTime}' -n payments --context prod-eu-west-1`,
      `kubectl get jobs -l batch.kubernetes.io/cronjob-name=${CRON} --sort-by=.metadata.creationTimestamp -n payments --context prod-eu-west-1`,
    ]);
  });

  it('warns, naming the next run, when the CronJob was suspended after its last run and nothing was missed yet', () => {
    const ev = cronJob(CRON, { cron: '30 1 * * *', suspended: true, suspendedAt: minutesAgo(30), suspendedBy: 'kubectl-patch', lastScheduleTime: minutesAgo(RUN_0130) }, [completed(CRON, RUN_0130, 21)]);
    const [f, ...rest] = analyzeCronJobSchedule(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe(`CronJob ${CRON} is suspended (spec.suspend: true, set 30m ago by kubectl-patch): the next run (2026-11-22 01:30 UTC) will not happen`);
    expect(f?.severity).toBe('warning');
    expect(f?.evidence).toEqual(['spec.suspend: true, written 30m ago by field manager kubectl-patch', 'schedule 30 1 * * * (UTC); the last one started 2026-11-21 01:30 UTC (1h 44m ago)']);
  });

  it('lists the first three skipped runs and the last one of a longer gap, and says nothing of who paused it when managedFields do not', () => {
    const ev = cronJob('fx-rates-snapshot', { cron: '0 * * * *', suspended: true, lastScheduleTime: minutesAgo(6 * 60 + 14) }, []);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toBe(
      'CronJob fx-rates-snapshot is suspended (spec.suspend: true): 6 scheduled runs skipped (2026-11-20 22:00 UTC, 2026-11-20 23:00 UTC, 2026-11-21 00:00 UTC … 2026-11-21 03:00 UTC), the last one started 2026-11-20 21:00 UTC (6h 14m ago)',
    );
    expect(f?.evidence[0]).toBe('spec.suspend: true');
  });

  it('tells the runs in the CronJob\'s own time zone', () => {
    // 01:30 in Berlin is 00:30 UTC in November.
    const ev = cronJob(CRON, { cron: '30 1 * * *', timeZone: 'Europe/Berlin', suspended: true, lastScheduleTime: '2026-11-19T00:30:00Z' }, []);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toBe(
      `CronJob ${CRON} is suspended (spec.suspend: true): 2 scheduled runs skipped (2026-11-20 01:30 Europe/Berlin, 2026-11-21 01:30 Europe/Berlin), the last one started 2026-11-19 01:30 Europe/Berlin (2d 2h ago)`,
    );
    expect(f?.evidence[1]).toBe('schedule 30 1 * * * (Europe/Berlin); the last one started 2026-11-19 01:30 Europe/Berlin (2d 2h ago)');
  });

  it('names the run that is still active when concurrencyPolicy Forbid skips the runs due meanwhile', () => {
    // Every 15 minutes; the 02:00 run is still going, so 02:15 … 03:00 were skipped (03:15 is not due yet).
    const blocking = stillRunning('ledger-reconcile', 74);
    const ev = cronJob('ledger-reconcile', { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(74), lastSuccessfulTime: minutesAgo(80) }, [blocking, completed('ledger-reconcile', 89, 6)]);
    const [f, ...rest] = analyzeCronJobSchedule(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe(
      `CronJob ledger-reconcile: 4 scheduled runs did not start (2026-11-21 02:15 UTC, 2026-11-21 02:30 UTC, 2026-11-21 02:45 UTC … 2026-11-21 03:00 UTC); the last one started 2026-11-21 02:00 UTC (1h 14m ago); run ${blocking.name} is still active (concurrencyPolicy Forbid)`,
    );
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.layer).toBe('container/process');
    expect(f?.evidence).toEqual([
      `schedule */15 * * * * (UTC), lastScheduleTime ${minutesAgo(74)}`,
      'runs due and not started: 2026-11-21 02:15 UTC, 2026-11-21 02:30 UTC, 2026-11-21 02:45 UTC … 2026-11-21 03:00 UTC',
      `Job ${blocking.name}: no activeDeadlineSeconds (no deadline)`,
    ]);
    expect(f?.likelyCause).toBe(`Job ${blocking.name} is still running (started 1h 14m ago) and concurrencyPolicy is Forbid, so each run due meanwhile is skipped. The Job has no activeDeadlineSeconds, so nothing ends a run that hangs (a call without a timeout).`);
    expect(f?.fix).toBe(`end the run that blocks the schedule (${blocking.name}) and give the Job an activeDeadlineSeconds`);
    expect(f?.nextAction).toContain('set activeDeadlineSeconds on the job template');
    expect(f?.confirmCommands).toContain('kubectl describe cronjob/ledger-reconcile -n payments --context prod-eu-west-1');
  });

  // A Job with parallelism 0 runs no pod: it never finishes nor fails, and stays the CronJob's
  // active run, so Forbid skips every later one. Its 0 active pods must not hide it as the blocker.
  it('names a run held at parallelism 0 as the blocker, and why it never ends', () => {
    const held = { ...stillRunning('ledger-export', 2 * DAY + 44), active: 0, parallelism: 0 };
    const ev = cronJob('ledger-export', { cron: '30 2 * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(2 * DAY + 44) }, [held, completed('ledger-export', 3 * DAY + 44, 23)]);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toMatch(new RegExp(`run ${held.name} is still active \\(concurrencyPolicy Forbid\\).*parallelism: 0`));
    expect(f?.likelyCause).toMatch(/parallelism 0.*no pod/);
    expect(f?.fix).toMatch(/parallelism/);
    expect(f?.nextAction).toMatch(/parallelism/);
  });

  it('does not call a finished run with no active pod the blocker', () => {
    const done = { ...completed('ledger-export', 2 * DAY + 44, 20), parallelism: 0 };
    const ev = cronJob('ledger-export', { cron: '30 2 * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(2 * DAY + 44) }, [done]);
    expect(analyzeCronJobSchedule(ev)[0]?.title).not.toMatch(/still active/);
  });

  it('does not ask for a deadline the blocking run already has', () => {
    const blocking = { ...stillRunning('ledger-reconcile', 74), activeDeadlineSeconds: 7200 };
    const ev = cronJob('ledger-reconcile', { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(74) }, [blocking]);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.evidence).toContain(`Job ${blocking.name}: activeDeadlineSeconds 7200`);
    expect(f?.fix).toBe(`end the run that blocks the schedule (${blocking.name})`);
    expect(f?.likelyCause).not.toContain('activeDeadlineSeconds');
  });

  it('does not blame an active run when concurrencyPolicy allows runs side by side', () => {
    const ev = cronJob('ledger-reconcile', { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(74) }, [stillRunning('ledger-reconcile', 74)]);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toBe(
      'CronJob ledger-reconcile: 4 scheduled runs did not start (2026-11-21 02:15 UTC, 2026-11-21 02:30 UTC, 2026-11-21 02:45 UTC … 2026-11-21 03:00 UTC); the last one started 2026-11-21 02:00 UTC (1h 14m ago)',
    );
    expect(f?.confidence).toBe('medium');
    expect(f?.likelyCause).toMatch(/^The CronJob controller did not start them: look for FailedCreate or TooManyMissedTimes events/);
    expect(f?.fix).toBeUndefined();
  });

  it('names the starting deadline the controller misses when its MissSchedule events say the runs started too late', () => {
    // Hourly at :20; 01:20, 02:20 and 03:20 … only 01:20 and 02:20 are due (NOW is 03:14).
    const ev = cronJob('ledger-close', { cron: '20 * * * *', suspended: false, concurrencyPolicy: 'Allow', startingDeadlineSeconds: 15, lastScheduleTime: minutesAgo(174), lastSuccessfulTime: minutesAgo(170) }, [completed('ledger-close', 174, 4)]);
    ev.events = [cronEvent('MissSchedule', 'Missed scheduled time to start a job: Sat, 21 Nov 2026 02:20:00 +0000', 54, 'ledger-close')];
    ev.events[0]!.type = 'Warning';
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toContain('startingDeadlineSeconds: 15');
    expect(f?.title).toMatch(/missed/);
    expect(f?.decisive).toBe('Missed scheduled time to start a job: Sat, 21 Nov 2026 02:20:00 +0000');
    expect(f?.likelyCause).toContain('15s');
    expect(f?.fix).toMatch(/^raise startingDeadlineSeconds/);
    expect(f?.confidence).toBe('high');
  });

  it('names the controller giving up on more than 100 missed starts, no deadline, since the resume', () => {
    // Every 10 minutes, suspended for four days, resumed 47 minutes ago: ~580 runs count as missed.
    const ev = cronJob('ledger-close', { cron: '*/10 * * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(4 * 24 * 60), lastSuccessfulTime: minutesAgo(4 * 24 * 60 - 1), resumedAt: minutesAgo(47), resumedBy: 'kubectl-patch' }, [completed('ledger-close', 4 * 24 * 60, 1)]);
    ev.events = [cronEvent('FailedNeedsStart', 'Cannot determine if job needs to be started: too many missed start time (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew.', 1, 'ledger-close')];
    ev.events[0]!.type = 'Warning';
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toMatch(/did not start \([^)]*\): the controller refuses to start any: too many missed start times \(> 100\) and no startingDeadlineSeconds \(FailedNeedsStart\), since it was resumed 47m ago by kubectl-patch/);
    expect(f?.fix).toMatch(/^set spec.startingDeadlineSeconds \(e.g. 300\)/);
    expect(f?.nextAction).toMatch(/trigger the run it owes by hand/);
    expect(f?.datesChange).toBe(true);
  });

  it('does not blame a starting deadline without the controller saying it missed one', () => {
    const ev = cronJob('ledger-close', { cron: '20 * * * *', suspended: false, concurrencyPolicy: 'Allow', startingDeadlineSeconds: 15, lastScheduleTime: minutesAgo(174) }, [completed('ledger-close', 174, 4)]);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).not.toContain('startingDeadlineSeconds');
    expect(f?.evidence).toContain('startingDeadlineSeconds: 15');
  });

  it('names the ResourceQuota that refuses the runs, and that finished Jobs fill a count/jobs.batch quota', () => {
    const ev = cronJob('ledger-reconcile', { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(74) }, []);
    ev.events.push(event({ object: { kind: 'CronJob', name: 'ledger-reconcile', namespace: 'payments' }, reason: 'FailedCreate', message: 'Error creating job: jobs.batch "ledger-reconcile-29398455" is forbidden: exceeded quota: object-counts, requested: count/jobs.batch=1, used: count/jobs.batch=12, limited: count/jobs.batch=12', count: 5, firstSeen: minutesAgo(60), lastSeen: minutesAgo(14), source: 'cronjob-controller' }));
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.title).toBe(
      'CronJob ledger-reconcile: 4 scheduled runs refused by ResourceQuota object-counts (count/jobs.batch: 12 used of 12) (2026-11-21 02:15 UTC, 2026-11-21 02:30 UTC, 2026-11-21 02:45 UTC … 2026-11-21 03:00 UTC); the last one started 2026-11-21 02:00 UTC (1h 14m ago)',
    );
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('Finished Jobs count until deleted');
    expect(f?.fix).toBe('delete finished Jobs to free ResourceQuota object-counts (and give them a TTL), or raise the quota');
  });

  it('warns about a single run that did not start three minutes ago, but not about one due a minute ago', () => {
    // The controller starts a run within seconds; a run due inside the 2-minute grace may still be starting.
    const late = cronJob('hourly-export', { cron: '11 * * * *', suspended: false, lastScheduleTime: minutesAgo(63) }, []);
    const [f] = analyzeCronJobSchedule(late);
    expect(f?.title).toBe('CronJob hourly-export: 1 scheduled run did not start (2026-11-21 03:11 UTC); the last one started 2026-11-21 02:11 UTC (1h 3m ago)');
    expect(f?.severity).toBe('warning');

    const starting = cronJob('hourly-export', { cron: '13 * * * *', suspended: false, lastScheduleTime: minutesAgo(61) }, []);
    expect(analyzeCronJobSchedule(starting)).toEqual([]);
  });

  it('says nothing about a schedule that runs on time', () => {
    const ev = cronJob('ledger-reconcile', { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(14) }, [completed('ledger-reconcile', 14, 5), completed('ledger-reconcile', 29, 6)]);
    expect(analyzeCronJobSchedule(ev)).toEqual([]);
  });

  it('measures from the newest Job when lastScheduleTime is missing', () => {
    const ev = cronJob(CRON, { cron: '30 1 * * *', suspended: true }, [completed(CRON, RUN_0130, 21), completed(CRON, DAY + RUN_0130, 22)]);
    expect(analyzeCronJobSchedule(ev)[0]?.title).toBe(`CronJob ${CRON} is suspended (spec.suspend: true): the next run (2026-11-22 01:30 UTC) will not happen`);
  });

  it('says nothing when the schedule cannot be read, the workload is no CronJob, or nothing dates the last run', () => {
    expect(analyzeCronJobSchedule(cronJob(CRON, { cron: '30 25 * * *', suspended: true, lastScheduleTime: minutesAgo(3 * DAY) }, []))).toEqual([]);
    expect(analyzeCronJobSchedule(healthyScenario())).toEqual([]);
    const undated = cronJob(CRON, { cron: '30 1 * * *', suspended: true }, []);
    expect(analyzeCronJobSchedule({ ...undated, workload: undated.workload ? { ...undated.workload, createdAt: undefined } : null })).toEqual([]);
  });

  it('dates a CronJob that never ran from its creation', () => {
    const ev = cronJob(CRON, { cron: '30 1 * * *', suspended: false }, []);
    const created = { ...ev, workload: ev.workload ? { ...ev.workload, createdAt: minutesAgo(DAY) } : null };
    // Created yesterday at 03:14: today's 01:30 was its first run, and it did not start.
    expect(analyzeCronJobSchedule(created)[0]?.title).toBe(`CronJob ${CRON}: 1 scheduled run did not start (2026-11-21 01:30 UTC); none has run since it was created 1d ago`);
  });

  it('counts every run a frequent schedule skipped over days, and shows the newest one', () => {
    // A */5 CronJob suspended two days ago: 576 runs skipped, the newest at 03:10 today.
    const ev = cronJob('cache-warmer', { cron: '*/5 * * * *', suspended: true, lastScheduleTime: minutesAgo(2 * DAY + 4) }, []);
    expect(analyzeCronJobSchedule(ev)[0]?.title).toBe(
      'CronJob cache-warmer is suspended (spec.suspend: true): 576 scheduled runs skipped (2026-11-19 03:15 UTC, 2026-11-19 03:20 UTC, 2026-11-19 03:25 UTC … 2026-11-21 03:10 UTC), the last one started 2026-11-19 03:10 UTC (2d ago)',
    );
  });
});
