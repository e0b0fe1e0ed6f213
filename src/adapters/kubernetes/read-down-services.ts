// Other Services of the namespace with no ready endpoint: a dependency the workload may be
// failing on. One pod list per such Service (by its selector) and the events of a few of its
// pods that are not ready — bounded, whatever the namespace holds.
import type { DownServiceEvidence, EndpointSliceEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
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
      return { service: svc.name, pods, events: events.filter((e) => e.type === 'Warning'), ...(logs.length > 0 ? { logs } : {}) };
    }),
  );
}
