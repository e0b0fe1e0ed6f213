// The revisions of a refusing server's StatefulSet or Deployment (evidence-server-rollout.ts), read
// only for a refusal the server's own settings decide (a library it preloads, its sql_mode, a config
// file it no longer finds), or one a failover brings on (a write refused by a member no longer primary), whose pod was read and belongs to one: one list of ControllerRevisions
// (StatefulSet) or ReplicaSets (Deployment) by the pod's template labels (at most 20), those of that
// workload kept, the one its pod runs and the one before it mapped. One request; never a Secret.
import type { ServerRolloutRead } from '../../domain/triage/analyzers/dependency-refuses.js';
import type { DependencyPodEvidence } from '../../domain/triage/evidence-server-config.js';
import type { RevisionEvidence } from '../../domain/triage/evidence-spec.js';
import type { ServerRolloutEvidence } from '../../domain/triage/evidence-server-rollout.js';
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
  if (w === undefined || d === undefined) return [...pods];
  const namespace = w.namespace ?? ctx.namespace;
  const rollout = 'statefulSet' in w
    ? await readStatefulSetRollout(ctx, { namespace, labels: d.pod.labels, statefulSet: w.statefulSet, revisionHash: w.revisionHash }, 'a server that refuses the workload by its own settings', 'dependencyPods')
    : await readDeploymentRollout(ctx, { namespace, labels: d.pod.labels, deployment: w.deployment, revisionHash: w.revisionHash });
  return rollout === undefined ? [...pods] : pods.map((p) => (p === d ? { ...p, rollout } : p));
}

/** The revision a StatefulSet's pod runs and the one before it: one list of ControllerRevisions by the pod's template labels (at most 20). */
export async function readStatefulSetRollout(ctx: CollectContext, w: { namespace: string; labels: Record<string, string>; statefulSet: string; revisionHash: string }, why: string, source: 'dependencyPods' | 'dependencyMembers' | 'downServices'): Promise<ServerRolloutEvidence | undefined> {
  const labelSelector = selectorOf(w.labels);
  if (labelSelector === '') return undefined;
  const list = await ctx.reads.list(`revisions of StatefulSet ${w.namespace}/${w.statefulSet}, ${why}`, source, (cont, limit, o) =>
    ctx.clients.apps.listNamespacedControllerRevision({ namespace: w.namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  const revisions = list.items
    .filter((cr) => (cr.metadata?.ownerReferences ?? []).some((o) => o.kind === 'StatefulSet' && o.name === w.statefulSet))
    .map((cr) => mapControllerRevision(cr));
  return pickRollout(revisions, w.revisionHash, { statefulSet: w.statefulSet });
}

/** The revision a Deployment's pod runs and the one before it: one list of ReplicaSets by the pod's template labels (at most 20). */
export async function readDeploymentRollout(ctx: CollectContext, w: { namespace: string; labels: Record<string, string>; deployment: string; revisionHash: string }, why = 'a server that refuses the workload by its own settings', source: 'dependencyPods' | 'downServices' | 'metricsAdapter' = 'dependencyPods'): Promise<ServerRolloutEvidence | undefined> {
  const labelSelector = selectorOf(w.labels);
  if (labelSelector === '') return undefined;
  const list = await ctx.reads.list(`ReplicaSets of Deployment ${w.namespace}/${w.deployment}, ${why}`, source, (cont, limit, o) =>
    ctx.clients.apps.listNamespacedReplicaSet({ namespace: w.namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  const revisions = list.items
    .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Deployment' && o.name === w.deployment))
    .flatMap((rs) => mapReplicaSet(rs) ?? []);
  return pickRollout(revisions, w.revisionHash, { deployment: w.deployment });
}

/** The pod's template labels less those the controllers put on each pod. */
function selectorOf(labels: Record<string, string>): string {
  return Object.entries(labels).filter(([k]) => !PER_POD.has(k)).map(([k, v]) => `${k}=${v}`).join(',');
}

/** The revision the pod runs (by its hash) and the newest one before it. */
function pickRollout(revisions: RevisionEvidence[], hash: string, owner: { statefulSet: string } | { deployment: string }): ServerRolloutEvidence | undefined {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  const current = sorted.find((r) => r.hash === hash);
  if (current === undefined) return undefined;
  const previous = sorted.find((r) => r.revision < current.revision);
  return { ...owner, current, ...(previous ? { previous } : {}) };
}
