// The primary a replicated store's replicas log they sync with ("Connecting to MASTER host:port"),
// read only when the workload's own logs show its replicas starting a sync and losing the link
// again and again (redis-replication-log.ts): a get and a current log tail of that one pod, in the
// namespace (none when it was read already as a pod behind the workload's Services), and a get of
// the ConfigMaps it mounts that the namespace's listing has (at most two, a config file's first),
// of which only the lines that set replication limits are kept (client-output-buffer-limit,
// repl-backlog-size, replica-serve-stale-data); the rest of the data is dropped at once. Never a Secret.
import type { EndpointSliceEvidence, LogEvidence, NamespaceObjectEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ReplicationPrimaryEvidence } from '../../domain/triage/evidence-replication-primary.js';
import { findReplicationSettingLines, pickPrimaryConfigMaps, pickReplicationPrimary } from '../../domain/triage/redis-replication-log.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { readLogs } from './read-pod-details.js';

export async function readReplicationPrimary(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; endpointSlices: readonly EndpointSliceEvidence[]; ownPods: ReadonlySet<string>; configMaps?: readonly NamespaceObjectEvidence[]; known?: readonly { pod: PodEvidence; logs: LogEvidence[] }[] }): Promise<ReplicationPrimaryEvidence | undefined> {
  const own = seen.logs.filter((l) => seen.ownPods.has(l.pod));
  const wanted = pickReplicationPrimary({ logs: own, endpointSlices: seen.endpointSlices, namespace: ctx.namespace });
  // A replica naming itself (it was promoted) is no other primary to read.
  if (wanted === undefined || seen.ownPods.has(wanted.pod)) return undefined;
  // Read already as a pod behind the workload's Services (a headless Service the family shares): not again.
  const known = seen.known?.find((k) => k.pod.name === wanted.pod);
  const pod = known?.pod ?? (await getPod(ctx, wanted.pod));
  if (pod === undefined) return undefined;
  // The server's container: the one named like the replicas' (redis), else the first.
  const named = new Set(own.map((l) => l.container));
  const container = pod.containers.find((c) => named.has(c.name)) ?? pod.containers[0];
  const knownLogs = known?.logs.filter((l) => !l.previous && l.container === container?.name) ?? [];
  const mounted = pickPrimaryConfigMaps(pod, seen.configMaps);
  const [logs, configs] = await Promise.all([
    knownLogs.length > 0 || !container ? Promise.resolve(knownLogs) : readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount }]),
    ctx.reads.each(mounted, { label: 'ConfigMaps mounted by the primary the replicas fail to sync with', source: 'dependencyPods', what: (name) => `ConfigMap ${name}`, limit: ctx.objectGate }, (name, options) =>
      ctx.clients.core.readNamespacedConfigMap({ name, namespace: ctx.namespace }, options),
    ),
  ]);
  const settings = configs.flatMap(({ item, value }) => findReplicationSettingLines(item, value.data ?? {}));
  return {
    host: wanted.host,
    pod,
    logs,
    ...(configs.length > 0 ? { configMaps: configs.map((c) => c.item) } : {}),
    ...(settings.length > 0 ? { settings } : {}),
  };
}

async function getPod(ctx: CollectContext, name: string): Promise<PodEvidence | undefined> {
  const [got] = await ctx.reads.each([name], { label: 'the primary the replicas fail to sync with', source: 'dependencyPods', what: (n) => `pod ${n}`, limit: ctx.objectGate }, (n, options) =>
    ctx.clients.core.readNamespacedPod({ name: n, namespace: ctx.namespace }, options),
  );
  return got === undefined ? undefined : mapForeignPod(got.value);
}
