// The triage target itself: one get of the Deployment, StatefulSet, DaemonSet, Job or CronJob;
// for a CronJob, its recent Jobs (its pods are theirs); and the label selector that finds the
// target's pods.
import type * as k8s from '@kubernetes/client-node';
import type { TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { formatSelector } from './label-selector.js';
import { isOwnedBy } from './map-revision.js';
import { selectorOf } from './map-workload.js';
import type { Workload } from './map-workload.js';
import { workloadGetter } from './get-workload.js';
import { pageParams } from './paginate.js';

/** Jobs of a CronJob whose pods and conditions are read: the newest few. */
const CRONJOB_RUNS = 3;

export async function readWorkload(ctx: CollectContext, t: TriageTarget): Promise<Workload | undefined> {
  const what = `${t.kind} ${t.namespace}/${t.name}`;
  return ctx.reads.one(what, 'workload', workloadGetter(ctx.clients, t.kind, { name: t.name, namespace: t.namespace }));
}

function createdMs(j: k8s.V1Job): number {
  const t = j.metadata?.creationTimestamp;
  return t === undefined ? 0 : new Date(t).getTime();
}

export interface JobsRead {
  /** A Job target's own object; a CronJob's Jobs (by owner uid), newest first. */
  runs: k8s.V1Job[];
  /** For a CronJob, every Job of the namespace the list returned (a quota counts them all). */
  all: k8s.V1Job[];
  /** The list held every Job of the namespace. */
  complete: boolean;
}

/** A Job target's own object; a CronJob's newest Jobs (by owner uid), newest first, and the namespace's others. */
export async function readJobs(ctx: CollectContext, w: Workload): Promise<JobsRead> {
  if (w.kind === 'Job') return { runs: [w.obj], all: [], complete: false };
  if (w.kind !== 'CronJob') return { runs: [], all: [], complete: false };
  const { batch } = ctx.clients;
  const namespace = ctx.namespace;
  const uid = w.obj.metadata?.uid;
  // Jobs carry no label naming their CronJob; ownerReferences do. A namespace's Jobs are few
  // (history limits keep 3 + 1 per CronJob), so one bounded list is enough.
  const list = await ctx.reads.list(`Jobs in ${namespace}`, 'jobs', (cont, limit, o) =>
    batch.listNamespacedJob({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: 2000 },
  );
  const runs = list.items.filter((j) => isOwnedBy(j.metadata, uid)).sort((a, b) => createdMs(b) - createdMs(a));
  return { runs, all: list.items, complete: !list.more && !list.failed };
}

/**
 * The labelSelector of the target's pods: its own selector, or for a CronJob the controller
 * uids of its newest runs. '' when there is nothing to select.
 */
export function podSelectorOf(w: Workload, jobs: readonly k8s.V1Job[]): string {
  if (w.kind !== 'CronJob') return formatSelector(selectorOf(w));
  const uids = jobs.slice(0, CRONJOB_RUNS).flatMap((j) => (j.metadata?.uid ? [j.metadata.uid] : []));
  return uids.length === 0 ? '' : `batch.kubernetes.io/controller-uid in (${uids.join(',')})`;
}

/**
 * The name the CronJob controller gives the Job of its last schedule, `<cronjob>-<minutes since the
 * epoch>`: its events outlive it when the TTL controller or a history limit has deleted it.
 */
export function lastRunJobName(w: Workload): string | undefined {
  if (w.kind !== 'CronJob') return undefined;
  const last = w.obj.status?.lastScheduleTime;
  if (last === undefined || last === null) return undefined;
  const ms = new Date(last).getTime();
  return Number.isNaN(ms) ? undefined : `${w.obj.metadata?.name ?? ''}-${Math.floor(ms / 60_000)}`;
}

