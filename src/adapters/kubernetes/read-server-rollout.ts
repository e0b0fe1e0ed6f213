// The revisions of a refusing server's StatefulSet (evidence-server-rollout.ts), read only for a
// refusal the server's own settings decide (a library it preloads, its sql_mode) whose pod was read
// and belongs to a StatefulSet: one list of ControllerRevisions by the pod's template labels (at most
// 20), those of that StatefulSet kept, the one its pod runs and the one before it mapped. One request; never a Secret.
import type { DependencyPodEvidence } from '../../domain/triage/evidence-server-config.js';
import type { ServerRolloutEvidence } from '../../domain/triage/evidence-server-rollout.js';
import type { CollectContext } from './collect-context.js';
import { mapControllerRevision } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_REVISIONS = 20;
/** Labels the StatefulSet controller puts on each pod, not on its revisions. */
const PER_POD = new Set(['controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index']);

export interface ServerRolloutRead {
  service: string;
  namespace?: string;
  pod: string;
  statefulSet: string;
  revisionHash: string;
}

/** The dependency pods with their StatefulSet's rollout attached (the one asked for, at most). */
export async function readServerRollout(ctx: CollectContext, pods: readonly DependencyPodEvidence[], wanted: readonly ServerRolloutRead[]): Promise<DependencyPodEvidence[]> {
  const [w] = wanted;
  const d = w ? pods.find((p) => p.pod.name === w.pod && p.service === w.service && p.namespace === w.namespace) : undefined;
  if (w === undefined || d === undefined) return [...pods];
  const namespace = w.namespace ?? ctx.namespace;
  const rollout = await readStatefulSetRollout(ctx, { namespace, labels: d.pod.labels, statefulSet: w.statefulSet, revisionHash: w.revisionHash }, 'a server that refuses the workload by its own settings', 'dependencyPods');
  return rollout === undefined ? [...pods] : pods.map((p) => (p === d ? { ...p, rollout } : p));
}

/** The revision a StatefulSet's pod runs and the one before it: one list of ControllerRevisions by the pod's template labels (at most 20). */
export async function readStatefulSetRollout(ctx: CollectContext, w: { namespace: string; labels: Record<string, string>; statefulSet: string; revisionHash: string }, why: string, source: 'dependencyPods' | 'dependencyMembers'): Promise<ServerRolloutEvidence | undefined> {
  const labelSelector = Object.entries(w.labels).filter(([k]) => !PER_POD.has(k)).map(([k, v]) => `${k}=${v}`).join(',');
  if (labelSelector === '') return undefined;
  const { namespace } = w;
  const list = await ctx.reads.list(`revisions of StatefulSet ${namespace}/${w.statefulSet}, ${why}`, source, (cont, limit, o) =>
    ctx.clients.apps.listNamespacedControllerRevision({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  const revisions = list.items
    .filter((cr) => (cr.metadata?.ownerReferences ?? []).some((o) => o.kind === 'StatefulSet' && o.name === w.statefulSet))
    .map((cr) => mapControllerRevision(cr))
    .sort((a, b) => b.revision - a.revision);
  const current = revisions.find((r) => r.hash === w.revisionHash);
  if (current === undefined) return undefined;
  const previous = revisions.find((r) => r.revision < current.revision);
  return { statefulSet: w.statefulSet, current, ...(previous ? { previous } : {}) };
}
