import type { JobEvidence, TriageEvidence, WorkloadEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, minutesAgo, workload } from './builders.js';

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

