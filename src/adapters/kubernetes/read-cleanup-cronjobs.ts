// The namespace's CronJobs that delete old data (retention, cleanup, curator, prune), read only when
// the workload's logs say a store's disk is full (needsCleanupCronJobs): one that was suspended or
// has failed for days is why the disk filled. One list, at most 100 CronJobs, read-only; only the
// cleanup ones are kept, with their schedule, suspension (and who wrote it: managedFields), last
// schedule and success, and their command and args clipped — never env values or Secrets.
import type * as k8s from '@kubernetes/client-node';
import type { CleanupCronJobEvidence } from '../../domain/triage/evidence-cronjob-schedule.js';
import { isCleanupCronJob } from '../../domain/triage/stopped-cleanup.js';
import type { CollectContext } from './collect-context.js';
import { listSpecFieldOwners } from './map-field-owners.js';
import { assignDefined, toIsoTime } from './map-common.js';
import { pageParams } from './paginate.js';

const MAX_CRONJOBS = 100;
const MAX_COMMAND_CHARS = 300;

export function mapCleanupCronJob(c: k8s.V1CronJob): CleanupCronJobEvidence | undefined {
  const name = c.metadata?.name;
  if (name === undefined) return undefined;
  const containers = c.spec?.jobTemplate.spec?.template.spec?.containers ?? [];
  const command = containers.flatMap((x) => [...(x.command ?? []), ...(x.args ?? [])]).join(' ').slice(0, MAX_COMMAND_CHARS);
  if (!isCleanupCronJob(name, command)) return undefined;
  const suspended = c.spec?.suspend === true;
  const [pausedBy] = suspended && c.metadata ? listSpecFieldOwners(c.metadata, 'f:suspend') : [];
  return assignDefined<CleanupCronJobEvidence>({ name, schedule: c.spec?.schedule ?? '', suspended, command }, {
    suspendedAt: pausedBy?.at,
    suspendedBy: pausedBy?.manager,
    lastScheduleTime: toIsoTime(c.status?.lastScheduleTime),
    lastSuccessfulTime: toIsoTime(c.status?.lastSuccessfulTime),
    createdAt: toIsoTime(c.metadata?.creationTimestamp),
  });
}

export async function readCleanupCronJobs(ctx: CollectContext): Promise<CleanupCronJobEvidence[] | undefined> {
  const { batch } = ctx.clients;
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(`CronJobs in ${namespace} (a cleanup that stopped, when a store's disk is full)`, 'jobs', (cont, limit, o) =>
    batch.listNamespacedCronJob({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_CRONJOBS },
  );
  const kept = list.items.flatMap((c) => [mapCleanupCronJob(c)].flatMap((x) => (x ? [x] : [])));
  return kept.length > 0 ? kept : undefined;
}
