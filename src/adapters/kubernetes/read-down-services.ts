// Other Services of the namespace with no ready endpoint: a dependency the workload may be
// failing on. One pod list per such Service (by its selector) and the events of a few of its
// pods that are not ready — bounded, whatever the namespace holds. When its pods keep dying, one
// list of the revisions of the Deployment or StatefulSet that made them (dependency-revision.ts).
import type { DownServiceEvidence, EndpointSliceEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type * as k8s from '@kubernetes/client-node';
import type { CollectContext } from './collect-context.js';
import { pickDependencyRevisionRead } from '../../domain/triage/dependency-revision.js';
import { mapForeignPod } from './map-pod.js';
import { ownerWorkloadOf } from './own-pods.js';
import { readDeploymentRollout, readStatefulSetRollout } from './read-server-rollout.js';
import { pageParams } from './paginate.js';
import { readEvents } from './read-events.js';
import { readUnreadyServerLog } from './read-unready-server-log.js';

/** Services followed at most, pods read per Service, and pods per Service whose events are read. */
const MAX_SERVICES = 2;
const MAX_PODS = 5;
const EVENT_PODS = 2;

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Services with a selector, not the workload's own, whose slices hold no ready endpoint. */
export function pickDownServices(services: readonly ServiceEvidence[], slices: readonly EndpointSliceEvidence[], own: readonly PodEvidence[]): ServiceEvidence[] {
  return services
    .filter((s) => Object.keys(s.selector).length > 0 && !own.some((p) => selects(s.selector, p.labels)))
    .filter((s) => !slices.some((x) => x.service === s.name && x.endpoints.some((e) => e.ready && !e.terminating && e.notServing !== true)))
    .slice(0, MAX_SERVICES);
}

export async function readDownServices(ctx: CollectContext, down: readonly ServiceEvidence[]): Promise<DownServiceEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  return Promise.all(
    down.map(async (svc) => {
      const labelSelector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
      const list = await ctx.reads.list(`pods of Service ${svc.name} (${labelSelector})`, 'downServices', (cont, limit, o) =>
        core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_PODS },
      );
      const pods = list.items.map(mapForeignPod);
      const unready = pods.filter((p) => !p.ready).slice(0, EVENT_PODS);
      const events = unready.length === 0 ? [] : await readEvents(ctx, unready.map((p) => ({ kind: 'Pod', name: p.name })), `events of the pods of Service ${svc.name}`);
      const logs = await readUnreadyServerLog(ctx, pods);
      const rollout = await readDyingRollout(ctx, svc.name, list.items);
      return { service: svc.name, pods, events: events.filter((e) => e.type === 'Warning'), ...(logs.length > 0 ? { logs } : {}), ...(rollout ? { rollout } : {}) };
    }),
  );
}

/** Its pods keep dying: the revision they run and the one before, from the workload that made them (one list, at most 20). */
async function readDyingRollout(ctx: CollectContext, service: string, items: readonly k8s.V1Pod[]): Promise<DownServiceEvidence['rollout']> {
  const owned = items.map((p) => {
    const owner = ownerWorkloadOf(p);
    return { ...mapForeignPod(p), ...(owner ? { ownerWorkload: owner } : {}) };
  });
  const read = pickDependencyRevisionRead(service, owned, ctx.now().toISOString());
  const pod = read === undefined ? undefined : owned.find((p) => p.name === read.pod);
  if (read === undefined || pod === undefined) return undefined;
  const why = `a dependency whose pods keep dying (Service ${service})`;
  const w = { namespace: ctx.namespace, labels: pod.labels, revisionHash: read.revisionHash };
  return 'statefulSet' in read ? readStatefulSetRollout(ctx, { ...w, statefulSet: read.statefulSet }, why, 'downServices') : readDeploymentRollout(ctx, { ...w, deployment: read.deployment }, why, 'downServices');
}
