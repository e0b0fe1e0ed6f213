// The pods a pending pod's required pod affinity asks to join: read only when the scheduler
// refuses it with "didn't match pod affinity rules". Per term (at most two): one list of the pods
// its selector matches in each namespace it names (at most two namespaces, at most 5 pods each;
// the API server filters). Only when a term matches no pod: one list of the pod's namespace's
// pods (at most 200), to name those whose labels come close, and a get of the controllers of
// at most two of them (their age and Helm chart: a chart upgrade re-creates them relabelled).
// A term that picks its namespaces by a namespaceSelector is said unchecked, not guessed at.
import type * as k8s from '@kubernetes/client-node';
import type { AffinityNearPodEvidence, AffinityTermPeersEvidence, PodAffinityTermEvidence } from '../../domain/triage/evidence.js';
import { describeTermSelector, findNearLabels, formatTermQuery, termNamespaces } from '../../domain/triage/pod-affinity.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';
import type { CallOptions } from './reads.js';

const MAX_NAMESPACES = 2;
const MAX_MATCHING = 5;
const MAX_NAMESPACE_PODS = 200;
const MAX_NEAR = 3;
const MAX_OWNERS = 2;

type Owner = NonNullable<AffinityNearPodEvidence['owner']>;

async function readOwner(ctx: CollectContext, namespace: string, ref: k8s.V1OwnerReference): Promise<Owner> {
  const { apps } = ctx.clients;
  const req = { namespace, name: ref.name };
  const get = (o: CallOptions): Promise<k8s.V1StatefulSet | k8s.V1ReplicaSet | k8s.V1DaemonSet> | undefined =>
    ref.kind === 'StatefulSet' ? apps.readNamespacedStatefulSet(req, o)
    : ref.kind === 'ReplicaSet' ? apps.readNamespacedReplicaSet(req, o)
    : ref.kind === 'DaemonSet' ? apps.readNamespacedDaemonSet(req, o)
    : undefined;
  const known = ['StatefulSet', 'ReplicaSet', 'DaemonSet'].includes(ref.kind);
  const obj = known ? await ctx.reads.one(`${ref.kind} ${ref.name} in ${namespace} (owner of pods near a pod affinity)`, 'affinityPeers', async (o) => get(o)) : undefined;
  const created = obj?.metadata?.creationTimestamp;
  const chart = obj?.metadata?.labels?.['helm.sh/chart'];
  return {
    kind: ref.kind,
    name: ref.name,
    ...(created !== undefined ? { createdAt: new Date(created).toISOString() } : {}),
    ...(chart !== undefined ? { chart } : {}),
  };
}

/** Pods of the namespace whose labels come close to the term's, with their controllers read (at most MAX_OWNERS). */
async function findNearPods(ctx: CollectContext, term: PodAffinityTermEvidence, namespacePods: () => Promise<k8s.V1Pod[]>): Promise<AffinityNearPodEvidence[]> {
  const near = (await namespacePods())
    .map((pod) => ({ pod, labels: findNearLabels(term, pod.metadata?.labels ?? {}) }))
    .filter((x) => x.labels.length > 0)
    .slice(0, MAX_NEAR);
  const refs = new Map<string, k8s.V1OwnerReference>();
  for (const { pod } of near) {
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller);
    if (ref !== undefined && refs.size < MAX_OWNERS) refs.set(`${ref.kind}/${ref.name}`, ref);
  }
  const owners = new Map(await Promise.all([...refs].map(async ([key, ref]) => [key, await readOwner(ctx, ctx.namespace, ref)] as const)));
  return near.map(({ pod, labels }) => {
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller);
    const owner = ref === undefined ? undefined : owners.get(`${ref.kind}/${ref.name}`) ?? { kind: ref.kind, name: ref.name };
    const created = pod.metadata?.creationTimestamp;
    return {
      name: pod.metadata?.name ?? '',
      nearLabels: labels,
      ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
      ...(created !== undefined ? { createdAt: new Date(created).toISOString() } : {}),
      ...(owner !== undefined ? { owner } : {}),
    };
  });
}

export async function readAffinityPeers(ctx: CollectContext, terms: readonly PodAffinityTermEvidence[]): Promise<AffinityTermPeersEvidence[]> {
  const { core } = ctx.clients;
  // One list of the namespace's pods, shared by the terms that match nothing.
  let listed: Promise<k8s.V1Pod[]> | undefined;
  const namespacePods = (): Promise<k8s.V1Pod[]> => {
    listed ??= ctx.reads.list(`pods of ${ctx.namespace} (labels near a pod affinity)`, 'affinityPeers', (cont, limit, o) =>
      core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
      { maxItems: MAX_NAMESPACE_PODS },
    ).then((r) => r.items);
    return listed;
  };
  return Promise.all(terms.map(async (term): Promise<AffinityTermPeersEvidence> => {
    const namespaces = termNamespaces(term, ctx.namespace);
    if (namespaces === undefined) return { term, namespaces: [], unchecked: `its namespaceSelector (${term.namespaceSelector || 'every namespace'}) picks the namespaces; their labels were not read` };
    if (namespaces.length > MAX_NAMESPACES) return { term, namespaces, unchecked: `it names ${namespaces.length} namespaces; at most ${MAX_NAMESPACES} are read` };
    const labelSelector = formatTermQuery(term);
    const lists = await Promise.all(namespaces.map((namespace) =>
      ctx.reads.list(`pods matching ${describeTermSelector(term)} in ${namespace} (a pod affinity)`, 'affinityPeers', (cont, limit, o) =>
        core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_MATCHING },
      ).then((r) => ({ namespace, ...r }))));
    if (lists.some((l) => l.failed)) return { term, namespaces, unchecked: 'the pods it selects could not be listed' };
    // Only pods bound to a node count: the scheduler looks for them in the nodes' topology domains.
    const matching = lists.flatMap((l) => l.items.filter((p) => p.spec?.nodeName).map((p) => ({ name: p.metadata?.name ?? '', namespace: l.namespace, node: p.spec?.nodeName ?? '' })));
    if (matching.length > 0 || !namespaces.includes(ctx.namespace)) return { term, namespaces, matching };
    return { term, namespaces, matching, near: await findNearPods(ctx, term, namespacePods) };
  }));
}
