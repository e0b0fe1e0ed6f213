import type { EventEvidence, JobEvidence, TriageEvidence, WorkloadEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, event, minutesAgo, workload } from './builders.js';

export type Schedule = NonNullable<WorkloadEvidence['schedule']>;

const DAY = 24 * 60;

/** The controller names a CronJob's Job after its scheduled time in minutes since the epoch. */
export function jobName(cron: string, scheduledMinutesAgo: number): string {
  return `${cron}-${Date.parse(minutesAgo(scheduledMinutesAgo)) / 60_000}`;
}

export function completed(cron: string, scheduledMinutesAgo: number, ranMinutes: number): JobEvidence {
  const done = minutesAgo(scheduledMinutesAgo - ranMinutes);
  return {
    name: jobName(cron, scheduledMinutesAgo),
    createdAt: minutesAgo(scheduledMinutesAgo),
    startTime: minutesAgo(scheduledMinutesAgo),
    completionTime: done,
    active: 0,
    succeeded: 1,
    failed: 0,
    backoffLimit: 2,
    completions: 1,
    conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: done }],
  };
}

export function stillRunning(cron: string, scheduledMinutesAgo: number): JobEvidence {
  return { name: jobName(cron, scheduledMinutesAgo), createdAt: minutesAgo(scheduledMinutesAgo), startTime: minutesAgo(scheduledMinutesAgo), active: 1, succeeded: 0, failed: 0, backoffLimit: 6, completions: 1, conditions: [] };
}

/** A CronJob as the adapter maps it: no pods of its own, its recent Jobs newest first. */
export function cronJob(name: string, schedule: Schedule, jobs: JobEvidence[]): TriageEvidence {
  const base = baseEvidence({ pods: [], services: [], endpointSlices: [], hpas: [], revisions: [], jobs });
  return {
    ...base,
    target: { service: name, namespace: NS, kind: 'CronJob', name, context: 'prod-eu-west-1' },
    workload: workload({
      kind: 'CronJob',
      name,
      specReplicas: 1,
      replicas: jobs.filter((j) => j.active > 0).length,
      readyReplicas: 0,
      availableReplicas: 0,
      updatedReplicas: 0,
      selector: {},
      templateLabels: {},
      templateContainers: [],
      conditions: [],
      currentRevision: undefined,
      createdAt: minutesAgo(200 * DAY),
      schedule,
    }),
  };
}

/** A CronJob under concurrencyPolicy Replace whose runs outgrew its 10-minute period. */
export const REPLACED = 'ledger-reconcile';
/** NOW is 2026-11-21 03:14 UTC; its last success was 2026-11-20 18:09:36, 9h 4m 24s earlier. */
export const REPLACED_SUCCESS = 9 * 60 + 4.4;

/** An event the CronJob controller wrote about `cron` (REPLACED by default). */
export function cronEvent(reason: string, message: string, minutes: number, cron = REPLACED): EventEvidence {
  return event({ object: { kind: 'CronJob', name: cron, namespace: NS }, type: 'Normal', reason, message, firstSeen: minutesAgo(minutes), lastSeen: minutesAgo(minutes), source: 'cronjob-controller' });
}

/**
 * Every 10 minutes under Replace: from 18:10 a run needs longer than the period, and each is
 * deleted when the next one is due. The kept history still shows three completed runs.
 */
export function replacedEveryRun(over: Partial<Schedule> = {}): TriageEvidence {
  const ev = cronJob(
    REPLACED,
    { cron: '*/10 * * * *', suspended: false, concurrencyPolicy: 'Replace', lastScheduleTime: minutesAgo(4), lastSuccessfulTime: minutesAgo(REPLACED_SUCCESS), ...over },
    // Kept history: the run now going, and the last three that completed, 9 hours ago.
    [stillRunning(REPLACED, 4), completed(REPLACED, REPLACED_SUCCESS + 9.6, 9.6), completed(REPLACED, REPLACED_SUCCESS + 19.6, 9), completed(REPLACED, REPLACED_SUCCESS + 29.6, 8.2)],
  );
  // Events are kept about an hour: the last six schedules, each a deletion and a creation in one sync.
  ev.events = [4, 14, 24, 34, 44, 54].flatMap((t) => [cronEvent('SuccessfulDelete', `Deleted job ${jobName(REPLACED, t + 10)}`, t), cronEvent('SuccessfulCreate', `Created job ${jobName(REPLACED, t)}`, t)]);
  return ev;
}
