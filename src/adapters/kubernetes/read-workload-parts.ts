// The first wave of a triage, all started together once the workload is read: its pods (by
// its own selector, so the API server filters them), its revisions, the namespace's HPAs,
// Services and EndpointSlices.
import type * as k8s from '@kubernetes/client-node';
import type { EndpointSliceEvidence, HpaEvidence, StrayHpaEvidence, NamespaceObjectEvidence, PodCensus, PodEvidence, RevisionEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import { countPods } from '../../domain/triage/pod-state.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';
import { mapHpa, mapStrayHpa, targetsWorkload } from './map-hpa.js';
import { SERVICE_NAME_LABEL, mapEndpointSlice, mapService } from './map-network.js';
import { mapPod, rankPods } from './map-pod.js';
import { isWorkloadPod } from './own-pods.js';
import { isOwnedBy, mapControllerRevision, mapReplicaSet } from './map-revision.js';
import type { Workload } from './map-workload.js';
import { pageParams } from './paginate.js';

export interface PodsRead {
  /** Kept pods, least healthy first. */
  ranked: PodEvidence[];
  /** The V1 objects of the kept pods (volumes for PVCs), by name. */
  raw: Map<string, k8s.V1Pod>;
  /** Every pod read, counted by state (the kept ones are only the least healthy). */
  census: PodCensus;
  /** Pods the selector matched that another controller owns (a copy that kept the labels). */
  others?: k8s.V1Pod[];
}

export async function readPods(ctx: CollectContext, w: Workload, selector: string): Promise<PodsRead> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(
    `pods of ${w.kind} ${w.obj.metadata?.name ?? ''} (${selector})`,
    'pods',
    (cont, limit, o) => core.listNamespacedPod({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
    { maxItems: ctx.limits.maxPodsScanned },
  );
  const uid = w.obj.metadata?.uid;
  const mine = list.items.filter((p) => isWorkloadPod(p, w.kind, w.obj.metadata?.name ?? '', uid));
  const others = list.items.filter((p) => !mine.includes(p));
  const ranked = rankPods(mine.map((p) => mapPod(p, w.kind)));
  const { maxPods, maxPodsScanned } = ctx.limits;
  // Counting is not reading: every pod is counted by state; only the details are capped.
  const census = countPods(ranked, !list.more && !list.failed);
  if (list.more) {
    const why = `more than ${maxPodsScanned} pods match; ${maxPodsScanned} were counted and the ${maxPods} least healthy kept`;
    ctx.reads.skipped(`pods of ${w.obj.metadata?.name ?? ''} beyond ${maxPodsScanned}`, 'pods', why);
  }
  const kept = ranked.slice(0, maxPods);
  const names = new Set(kept.map((p) => p.name));
  const raw = new Map(mine.filter((p) => names.has(p.metadata?.name ?? '')).map((p) => [p.metadata?.name ?? '', p]));
  return { ranked: kept, raw, census, ...(others.length > 0 ? { others } : {}) };
}

export interface RevisionsRead {
  revisions: RevisionEvidence[];
  /** ControllerRevision name → revision number (for a StatefulSet's current revision). */
  byName: Map<string, number>;
}

/** ReplicaSets or ControllerRevisions owned by the workload (ownerReferences uid), newest first. */
export async function readRevisions(ctx: CollectContext, w: Workload, selector: string): Promise<RevisionsRead> {
  const { apps } = ctx.clients;
  const namespace = ctx.namespace;
  const uid = w.obj.metadata?.uid;
  const byName = new Map<string, number>();
  let revisions: RevisionEvidence[];
  if (w.kind === 'Job' || w.kind === 'CronJob') return { revisions: [], byName };
  if (w.kind === 'Deployment') {
    const list = await ctx.reads.list(`ReplicaSets in ${namespace}`, 'revisions', (cont, limit, o) =>
      apps.listNamespacedReplicaSet({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
    );
    // The selector can match ReplicaSets of another Deployment with overlapping labels.
    revisions = list.items
      .filter((rs) => isOwnedBy(rs.metadata, uid))
      .map(mapReplicaSet)
      .filter((r): r is RevisionEvidence => r !== undefined);
  } else {
    const list = await ctx.reads.list(`ControllerRevisions in ${namespace}`, 'revisions', (cont, limit, o) =>
      apps.listNamespacedControllerRevision({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
    );
    revisions = list.items.filter((cr) => isOwnedBy(cr.metadata, uid)).map((cr) => mapControllerRevision(cr, w.kind === 'DaemonSet' ? 'DaemonSet' : 'StatefulSet'));
  }
  for (const r of revisions) byName.set(r.name, r.revision);
  return { revisions: revisions.sort((a, b) => b.revision - a.revision), byName };
}

/**
 * The HPAs that target the workload; when none does, also those of the namespace whose target is
 * missing (a renamed workload's HPA left on the old name), from the same list.
 */
export async function readHpas(ctx: CollectContext, w: Workload): Promise<{ own: HpaEvidence[]; stray: StrayHpaEvidence[]; listed: k8s.V2HorizontalPodAutoscaler[] }> {
  const { autoscaling } = ctx.clients;
  const namespace = ctx.namespace;
  const name = w.obj.metadata?.name ?? '';
  // scaleTargetRef is not a field selector; HPAs per namespace are few, so filter here.
  const list = await ctx.reads.list(`HorizontalPodAutoscalers in ${namespace}`, 'hpa', (cont, limit, o) =>
    autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace, ...pageParams(cont, limit) }, o),
  );
  const own = list.items.filter((h) => targetsWorkload(h, w.kind, name)).map(mapHpa);
  const stray = own.length > 0 ? [] : list.items.flatMap((h) => mapStrayHpa(h) ?? []);
  return { own, stray, listed: list.items };
}

export async function readServices(ctx: CollectContext): Promise<{ services: ServiceEvidence[]; objects: NamespaceObjectEvidence[]; complete: boolean }> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(`Services in ${namespace}`, 'services', (cont, limit, o) =>
    core.listNamespacedService({ namespace, ...pageParams(cont, limit) }, o),
  );
  return { services: list.items.map(mapService), objects: list.items.map((s) => namespaceObject('Service', s.metadata)), complete: !list.failed };
}

/** Every labelled EndpointSlice of the namespace in one list; the caller keeps its Services'. */
export async function readEndpointSlices(ctx: CollectContext): Promise<EndpointSliceEvidence[]> {
  const { discovery } = ctx.clients;
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(`EndpointSlices in ${namespace}`, 'endpointSlices', (cont, limit, o) =>
    discovery.listNamespacedEndpointSlice({ namespace, labelSelector: SERVICE_NAME_LABEL, ...pageParams(cont, limit) }, o),
  );
  return list.items.map(mapEndpointSlice);
}
