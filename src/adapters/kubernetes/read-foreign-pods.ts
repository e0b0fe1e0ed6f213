// Pods the workload's Services route to that are not the workload's own (a canary applied by
// hand whose labels match): a get and a current log tail of each, at most two, and a get of the
// ReplicaSet that made them (read-foreign-replica-sets.ts).
import type * as k8s from '@kubernetes/client-node';
import type { EndpointSliceEvidence, ForeignReplicaSetEvidence, LogEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { ownerWorkloadOf } from './own-pods.js';
import { readLogs } from './read-pod-details.js';
import { readForeignReplicaSets, replicaSetOf } from './read-foreign-replica-sets.js';
import type { PodsRead } from './read-workload-parts.js';

const MAX_FOREIGN = 2;

/** Endpoint pods of the Services that select the workload's pods, not among its pods (only when every pod was listed). */
export function pickForeignPods(services: readonly ServiceEvidence[], slices: readonly EndpointSliceEvidence[], pods: PodsRead): string[] {
  if (!pods.census.complete) return [];
  const own = new Set(pods.ranked.map((p) => p.name));
  const selects = (s: ServiceEvidence) => Object.keys(s.selector).length > 0 && pods.ranked.some((p) => Object.entries(s.selector).every(([k, v]) => p.labels[k] === v));
  const mine = new Set(services.filter(selects).map((s) => s.name));
  const names = slices.filter((s) => mine.has(s.service)).flatMap((s) => s.endpoints.flatMap((e) => (e.podName !== undefined && !own.has(e.podName) ? [e.podName] : [])));
  return [...new Set(names)].slice(0, MAX_FOREIGN);
}

/** `listed`: pods the workload's own selector already returned (another controller's): not read again. */
export async function readForeignPods(ctx: CollectContext, names: readonly string[], listed: readonly k8s.V1Pod[] = []): Promise<{ pod: PodEvidence; logs: LogEvidence[]; replicaSet?: ForeignReplicaSetEvidence }[]> {
  const { core } = ctx.clients;
  const known = new Map(listed.map((p) => [p.metadata?.name ?? '', p]));
  const got = await ctx.reads.each(names.filter((n) => !known.has(n)), { label: 'pods behind the Services that are not the workload\'s', source: 'foreignPods', what: (n) => `pod ${n}`, limit: ctx.objectGate }, (name, options) =>
    core.readNamespacedPod({ name, namespace: ctx.namespace }, options),
  );
  const values = [...names.flatMap((n) => known.get(n) ?? []), ...got.map((g) => g.value)];
  const replicaSetsP = values.length === 0 ? Promise.resolve(new Map<string, ForeignReplicaSetEvidence>()) : readForeignReplicaSets(ctx, values);
  return Promise.all(
    values.map(async (value) => {
      const mapped = mapForeignPod(value);
      const container = mapped.containers[0];
      const logs = container ? await readLogs(ctx, [{ pod: mapped.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount }]) : [];
      const rs = (await replicaSetsP).get(replicaSetOf(value) ?? '');
      // The ReplicaSet's own owner, read; one with none owns the pods itself (its name only says which Deployment made it once).
      const owner = rs === undefined ? ownerWorkloadOf(value) : (rs.owner ?? { kind: 'ReplicaSet', name: rs.name });
      return { pod: { ...mapped, ...(owner ? { ownerWorkload: owner } : {}) }, logs, ...(rs ? { replicaSet: rs } : {}) };
    }),
  );
}
