// The ReplicaSets that made the pods behind the workload's Services that are not its own: a get
// of each, at most two, only for such pods a ReplicaSet controls. Whether the ReplicaSet still
// has an owner says whose the pods are; its name alone only says which Deployment made it once.
import type * as k8s from '@kubernetes/client-node';
import type { ForeignReplicaSetEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';

const MAX_REPLICA_SETS = 2;

/** The ReplicaSet controlling a pod, by its ownerReference. */
export function replicaSetOf(pod: k8s.V1Pod): string | undefined {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  return owner?.kind === 'ReplicaSet' ? owner.name : undefined;
}

export function mapForeignReplicaSet(rs: k8s.V1ReplicaSet): ForeignReplicaSetEvidence {
  const owner = rs.metadata?.ownerReferences?.find((o) => o.controller) ?? rs.metadata?.ownerReferences?.[0];
  const created = rs.metadata?.creationTimestamp;
  return {
    name: rs.metadata?.name ?? '',
    ...(owner ? { owner: { kind: owner.kind, name: owner.name } } : {}),
    ...(created !== undefined ? { createdAt: new Date(created).toISOString() } : {}),
    ...(rs.spec?.replicas !== undefined ? { specReplicas: rs.spec.replicas } : {}),
    images: (rs.spec?.template?.spec?.containers ?? []).flatMap((c) => (c.image ? [c.image] : [])),
  };
}

/** The ReplicaSets of these pods, by name (at most two gets). */
export async function readForeignReplicaSets(ctx: CollectContext, pods: readonly k8s.V1Pod[]): Promise<Map<string, ForeignReplicaSetEvidence>> {
  const names = [...new Set(pods.flatMap((p) => replicaSetOf(p) ?? []))].slice(0, MAX_REPLICA_SETS);
  const got = await ctx.reads.each(names, { label: 'ReplicaSets of the pods behind the Services that are not the workload\'s', source: 'foreignPods', what: (n) => `ReplicaSet ${n}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.apps.readNamespacedReplicaSet({ name, namespace: ctx.namespace }, options),
  );
  return new Map(got.map((g) => [g.item, mapForeignReplicaSet(g.value)]));
}
