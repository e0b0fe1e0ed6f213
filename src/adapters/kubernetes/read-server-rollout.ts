// The revisions of a refusing server's StatefulSet or Deployment (evidence-server-rollout.ts), read
// only for a refusal the server's own settings decide (a library it preloads, its sql_mode, a config
// file it no longer finds) whose pod was read and belongs to one: one list of ControllerRevisions
// (StatefulSet) or ReplicaSets (Deployment) by the pod's template labels (at most 20), those of that
// workload kept, the one its pod runs and the one before it mapped. One request; never a Secret.
import type { ServerRolloutRead } from '../../domain/triage/analyzers/dependency-refuses.js';
import type { DependencyPodEvidence } from '../../domain/triage/evidence-server-config.js';
import type { RevisionEvidence } from '../../domain/triage/evidence-spec.js';
import type { CollectContext } from './collect-context.js';
import { mapControllerRevision, mapReplicaSet } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_REVISIONS = 20;
/** Labels the controllers put on each pod, not on its revisions (a ReplicaSet's selector holds pod-template-hash, but other ReplicaSets of it another). */
const PER_POD = new Set(['controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'pod-template-hash']);

/** The dependency pods with their StatefulSet's or Deployment's rollout attached (the one asked for, at most). */
export async function readServerRollout(ctx: CollectContext, pods: readonly DependencyPodEvidence[], wanted: readonly ServerRolloutRead[]): Promise<DependencyPodEvidence[]> {
  const [w] = wanted;
  const d = w ? pods.find((p) => p.pod.name === w.pod && p.service === w.service && p.namespace === w.namespace) : undefined;
  const labelSelector = Object.entries(d?.pod.labels ?? {}).filter(([k]) => !PER_POD.has(k)).map(([k, v]) => `${k}=${v}`).join(',');
  if (w === undefined || d === undefined || labelSelector === '') return [...pods];
  const namespace = w.namespace ?? ctx.namespace;
  const revisions = ('statefulSet' in w ? await readStatefulSetRevisions(ctx, namespace, labelSelector, w.statefulSet) : await readDeploymentRevisions(ctx, namespace, labelSelector, w.deployment))
    .sort((a, b) => b.revision - a.revision);
  const current = revisions.find((r) => r.hash === w.revisionHash);
  if (current === undefined) return [...pods];
  const previous = revisions.find((r) => r.revision < current.revision);
  const owner = 'statefulSet' in w ? { statefulSet: w.statefulSet } : { deployment: w.deployment };
  const rollout = { ...owner, current, ...(previous ? { previous } : {}) };
  return pods.map((p) => (p === d ? { ...p, rollout } : p));
}

async function readStatefulSetRevisions(ctx: CollectContext, namespace: string, labelSelector: string, statefulSet: string): Promise<RevisionEvidence[]> {
  const list = await ctx.reads.list(`revisions of StatefulSet ${namespace}/${statefulSet}, a server that refuses the workload by its own settings`, 'dependencyPods', (cont, limit, o) =>
    ctx.clients.apps.listNamespacedControllerRevision({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  return list.items
    .filter((cr) => (cr.metadata?.ownerReferences ?? []).some((o) => o.kind === 'StatefulSet' && o.name === statefulSet))
    .map((cr) => mapControllerRevision(cr));
}

async function readDeploymentRevisions(ctx: CollectContext, namespace: string, labelSelector: string, deployment: string): Promise<RevisionEvidence[]> {
  const list = await ctx.reads.list(`ReplicaSets of Deployment ${namespace}/${deployment}, a server that refuses the workload by its own settings`, 'dependencyPods', (cont, limit, o) =>
    ctx.clients.apps.listNamespacedReplicaSet({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  return list.items
    .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Deployment' && o.name === deployment))
    .flatMap((rs) => mapReplicaSet(rs) ?? []);
}
