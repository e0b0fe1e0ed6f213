// The namespace around the workload, one list each (pages of 500): NetworkPolicies,
// ResourceQuotas, LimitRanges (with their bounds) and ConfigMaps (their names, times, key names
// and the byte sizes of large values only — values are dropped at once, and Secrets are never read), one page of its Warning events (whatever object they are
// about: related-warnings.ts picks those that bear on the workload), plus the cluster DNS pods
// in kube-system. The Namespace itself: its times, its default node selector annotation, the mesh injection its label or
// annotation asks for (Istio, Linkerd), and when it is being deleted its
// deletionTimestamp and the conditions that hold the deletion. The request count
// does not grow with the workload; these collections are small in any namespace.
import type * as k8s from '@kubernetes/client-node';
import type { ClusterDnsEvidence, EventEvidence, NamespaceObjectEvidence, NetworkPolicyEvidence, ResourceQuotaEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapConfigMapObject, mapLimitRange, mapNetworkPolicy, mapQuota, namespaceObject } from './map-context.js';
import { mapEvent } from './map-event.js';
import { mapDefaultNodeSelector, mapMeshInjection, mapNamespaceDeletion } from './map-namespace.js';
import { mapPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { readEvents } from './read-events.js';
import { readLogs } from './read-pod-details.js';

/** Where and how cluster DNS pods are found (CoreDNS and kube-dns both use this label). */
const DNS_NAMESPACE = 'kube-system';
const DNS_SELECTOR = 'k8s-app=kube-dns';

export interface NamespaceContext {
  networkPolicies: NetworkPolicyEvidence[];
  quotas: ResourceQuotaEvidence[];
  objects: NamespaceObjectEvidence[];
  /** The namespace's Warning events, one page: objects the triage reads no other way speak here. */
  warnings: EventEvidence[];
}

/**
 * The Namespace's times, its default node selector annotation (merged into every pod by
 * admission), the mesh proxy injection it asks for, and whether it is being deleted (then nothing new can be created in it).
 */
function namespaceWithDeletion(ns: k8s.V1Namespace): NamespaceObjectEvidence {
  const deletion = mapNamespaceDeletion(ns);
  const selector = mapDefaultNodeSelector(ns);
  const mesh = mapMeshInjection(ns);
  const obj = { ...namespaceObject('Namespace', ns.metadata), ...(selector === undefined ? {} : { defaultNodeSelector: selector }), ...(mesh === undefined ? {} : { meshInjection: mesh }) };
  if (deletion === undefined) return obj;
  // The delete is the namespace's last change, though it writes no managedFields entry.
  const changedAt = deletion.deletedAt !== undefined && (obj.changedAt === undefined || deletion.deletedAt > obj.changedAt) ? deletion.deletedAt : obj.changedAt;
  return { ...obj, ...(changedAt === undefined ? {} : { changedAt }), deletion };
}

/** Warning events read at most: one page; the API server filters by type. */
const MAX_WARNINGS = 500;

export async function readNamespaceContext(ctx: CollectContext): Promise<NamespaceContext> {
  const { core, networking } = ctx.clients;
  const namespace = ctx.namespace;
  const [own, policies, quotas, limitRanges, configMaps, warnings] = await Promise.all([
    // The namespace itself: a label changed there (Pod Security enforce level) changes what may run.
    ctx.reads.attempt((o) => core.readNamespace({ name: namespace }, o)),
    ctx.reads.list(`NetworkPolicies in ${namespace}`, 'networkPolicies', (cont, limit, o) => networking.listNamespacedNetworkPolicy({ namespace, ...pageParams(cont, limit) }, o)),
    ctx.reads.list(`ResourceQuotas in ${namespace}`, 'quotas', (cont, limit, o) => core.listNamespacedResourceQuota({ namespace, ...pageParams(cont, limit) }, o)),
    ctx.reads.list(`LimitRanges in ${namespace}`, 'namespaceObjects', (cont, limit, o) => core.listNamespacedLimitRange({ namespace, ...pageParams(cont, limit) }, o)),
    // Only metadata, key names and large values' sizes are kept; a namespace's ConfigMaps are bounded here so a huge one cannot cost the budget.
    ctx.reads.list(`ConfigMaps in ${namespace}`, 'namespaceObjects', (cont, limit, o) => core.listNamespacedConfigMap({ namespace, ...pageParams(cont, limit) }, o), { maxItems: 1000 }),
    ctx.reads.list(`Warning events in ${namespace}`, 'namespaceWarnings', (cont, limit, o) => core.listNamespacedEvent({ namespace, fieldSelector: 'type=Warning', ...pageParams(cont, limit) }, o), { maxItems: MAX_WARNINGS }),
  ]);
  if (warnings.more) ctx.reads.skipped(`Warning events in ${namespace} after the first ${MAX_WARNINGS}`, 'namespaceWarnings', 'one page of the namespace\'s Warnings; the workload\'s own objects are read apart');
  return {
    networkPolicies: policies.items.map(mapNetworkPolicy),
    quotas: quotas.items.map(mapQuota),
    warnings: warnings.items.map(mapEvent),
    objects: [
      ...(own.ok ? [namespaceWithDeletion(own.value)] : []),
      ...policies.items.map((p) => namespaceObject('NetworkPolicy', p.metadata)),
      ...quotas.items.map((q) => namespaceObject('ResourceQuota', q.metadata)),
      ...limitRanges.items.map(mapLimitRange),
      ...configMaps.items.map(mapConfigMapObject),
    ],
  };
}

/** The cluster DNS pods; undefined when they could not be read (the failure is recorded). */
export async function readClusterDns(ctx: CollectContext): Promise<ClusterDnsEvidence | undefined> {
  const { core } = ctx.clients;
  const list = await ctx.reads.list(`DNS pods in ${DNS_NAMESPACE} (${DNS_SELECTOR})`, 'dns', (cont, limit, o) =>
    core.listNamespacedPod({ namespace: DNS_NAMESPACE, labelSelector: DNS_SELECTOR, ...pageParams(cont, limit) }, o),
    { maxItems: 500 },
  );
  if (list.failed) return undefined;
  return { namespace: DNS_NAMESPACE, pods: list.items.map((p) => mapPod(p, 'Deployment')) };
}

/**
 * Read only when the workload's lookups time out while every DNS pod is ready (needsDnsCapacity):
 * the DNS Deployment's events (a scale-down) and the names and change times of the ConfigMaps of
 * its namespace (its Corefile, its autoscaler's parameters; data dropped at once), and the log
 * tails of two ready DNS pods (an upstream resolver that times out is only logged there). Four requests.
 */
/** DNS pods whose log tails are read: two show whether the upstream fails for all of them. */
const DNS_LOG_PODS = 2;

export async function readDnsCapacity(ctx: CollectContext, deployment: string, pods: ClusterDnsEvidence['pods'] = []): Promise<NonNullable<ClusterDnsEvidence['capacity']>> {
  const { core } = ctx.clients;
  const tails = pods.filter((p) => p.ready && p.containers[0] !== undefined).slice(0, DNS_LOG_PODS)
    .map((p) => ({ pod: p.name, container: p.containers[0]?.name ?? '', previous: false, why: 'system' as const, restarts: p.containers[0]?.restartCount ?? 0, namespace: DNS_NAMESPACE }));
  const [events, configMaps, logs] = await Promise.all([
    readEvents({ ...ctx, namespace: DNS_NAMESPACE }, [{ kind: 'Deployment', name: deployment }], `events of the DNS Deployment ${deployment}`),
    ctx.reads.list(`ConfigMaps in ${DNS_NAMESPACE}`, 'dns', (cont, limit, o) => core.listNamespacedConfigMap({ namespace: DNS_NAMESPACE, ...pageParams(cont, limit) }, o), { maxItems: 500 }),
    tails.length === 0 ? [] : readLogs(ctx, tails),
  ]);
  return { deployment, events, configMaps: configMaps.items.map((c) => namespaceObject('ConfigMap', c.metadata)), ...(logs.length > 0 ? { logs } : {}) };
}
