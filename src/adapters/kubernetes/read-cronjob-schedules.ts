// The CronJobs whose Jobs ran just before the workload's failures (pickCronJobsBeforeOnset): when they
// run is part of why a heavy run landed then. One get by name each, at most two, read-only; only the
// schedule, its zone and who last wrote the schedule (managedFields) are kept.
import type * as k8s from '@kubernetes/client-node';
import type { CronJobScheduleEvidence } from '../../domain/triage/evidence-cronjob-schedule.js';
import type { CollectContext } from './collect-context.js';
import { listSpecFieldOwners } from './map-field-owners.js';

const MAX_CRONJOBS = 2;

export function mapCronJobSchedule(c: k8s.V1CronJob): CronJobScheduleEvidence | undefined {
  const name = c.metadata?.name;
  const schedule = c.spec?.schedule;
  if (name === undefined || schedule === undefined) return undefined;
  const [edit] = c.metadata ? listSpecFieldOwners(c.metadata, 'f:schedule') : [];
  return {
    name,
    schedule,
    ...(c.spec?.timeZone ? { timeZone: c.spec.timeZone } : {}),
    ...(edit?.at !== undefined ? { scheduleEditedAt: edit.at, scheduleEditedBy: edit.manager } : {}),
  };
}

export async function readCronJobSchedules(ctx: CollectContext, names: readonly string[]): Promise<CronJobScheduleEvidence[] | undefined> {
  const { batch } = ctx.clients;
  const namespace = ctx.namespace;
  const read = await Promise.all(names.slice(0, MAX_CRONJOBS).map((name) =>
    ctx.reads.one(`CronJob ${name} in ${namespace} (the schedule of a Job that ran just before the failures)`, 'jobs', (o) => batch.readNamespacedCronJob({ name, namespace }, o)),
  ));
  const out = read.flatMap((c) => (c === undefined ? [] : [mapCronJobSchedule(c)].flatMap((s) => (s ? [s] : []))));
  return out.length > 0 ? out : undefined;
}
