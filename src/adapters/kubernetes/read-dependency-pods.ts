// A Service of the namespace that the workload's logs say refuses it (a broker blocking
// publishers): a get and a current log tail of one of its ready endpoint pods, whose own log
// names the mechanism (or the database its queries time out on, whose log names the lock they wait on).
// At most two Services, so two gets and two log reads, whatever the namespace holds.
import type { DownServiceEvidence, EndpointSliceEvidence, LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { ownerWorkloadOf } from './own-pods.js';
import { readLogs } from './read-pod-details.js';

/**
 * One ready endpoint pod of each named Service (the first listed). A Service whose EndpointSlices
 * list no ready endpoint (none published yet, or none read) falls back on a ready pod its selector
 * matches, from the pods already listed for it (read-down-services.ts): its log is as much its own.
 */
export function pickDependencyPods(services: readonly string[], slices: readonly EndpointSliceEvidence[], down: readonly DownServiceEvidence[] = []): { service: string; pod: string }[] {
  return services.flatMap((service) => {
    const pod = slices.filter((s) => s.service === service).flatMap((s) => s.endpoints).find((e) => e.ready && e.podName !== undefined)?.podName
      ?? down.find((d) => d.service === service)?.pods.find((p) => p.ready && p.phase === 'Running')?.name;
    return pod === undefined ? [] : [{ service, pod }];
  });
}

export async function readDependencyPods(ctx: CollectContext, picked: readonly { service: string; pod: string }[]): Promise<{ service: string; pod: PodEvidence; logs: LogEvidence[] }[]> {
  return readPodsWithLogs(ctx, picked.map((p) => ({ ...p, namespace: ctx.namespace })), 'pods of a Service the workload\'s logs say refuses it');
}

/** A get and a current log tail (first container) of each picked pod of a dependency's Service. */
export async function readPodsWithLogs(ctx: CollectContext, picked: readonly { service: string; namespace: string; pod: string }[], label: string): Promise<{ service: string; pod: PodEvidence; logs: LogEvidence[] }[]> {
  const { core } = ctx.clients;
  const other = (namespace: string): string => (namespace === ctx.namespace ? '' : ` in ${namespace}`);
  const got = await ctx.reads.each(picked, { label, source: 'dependencyPods', what: (p) => `pod ${p.pod}${other(p.namespace)}`, limit: ctx.objectGate }, (p, options) =>
    core.readNamespacedPod({ name: p.pod, namespace: p.namespace }, options),
  );
  return Promise.all(
    got.map(async ({ item, value }) => {
      // The workload that made it (StatefulSet redis), for a finding to name what to change.
      const owner = ownerWorkloadOf(value);
      const pod = { ...mapForeignPod(value), ...(owner ? { ownerWorkload: owner } : {}) };
      const container = pod.containers[0];
      const namespace = item.namespace === ctx.namespace ? {} : { namespace: item.namespace };
      const logs = container ? await readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, ...namespace }]) : [];
      return { service: item.service, pod, logs };
    }),
  );
}
