// The settings a refusing server keeps in a config file (my.cnf) that a ConfigMap mounts into its
// pod: a get of each ConfigMap listServerConfigReads names (at most two in all), read only after
// the server's own pod was read because the workload's logs say it refuses at a setting. Only the
// settings named are kept (a RabbitMQ definitions.json: the queues bounded with reject-publish);
// the rest of the data is dropped at once, but for when it was last edited (its newest managedFields
// time, after its creation). Never a Secret.
import type { DependencyPodEvidence, ServerConfigEvidence } from '../../domain/triage/evidence-server-config.js';
import { findConfigFileSettings } from '../../domain/triage/server-config-file.js';
import { findDefinitionsQueueLimits } from '../../domain/triage/rabbit-queue-limit.js';
import { findRoleConnectionLimits } from '../../domain/triage/pg-role-limit.js';
import type { CollectContext } from './collect-context.js';

export interface ServerConfigRead {
  service: string;
  configMaps: string[];
  settings: string[];
}

/** The dependency pods with the settings their ConfigMaps set attached (those asked for only). */
export async function readServerConfig(ctx: CollectContext, pods: readonly DependencyPodEvidence[], wanted: readonly ServerConfigRead[]): Promise<DependencyPodEvidence[]> {
  const gets = wanted.flatMap((w) => w.configMaps.map((name) => ({ service: w.service, name, settings: w.settings })));
  if (gets.length === 0) return [...pods];
  const got = await ctx.reads.each(gets, { label: 'ConfigMaps mounted by a server that refuses the workload', source: 'dependencyPods', what: (g) => `ConfigMap ${g.name}`, limit: ctx.objectGate }, (g, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name: g.name, namespace: ctx.namespace }, options),
  );
  const found = got.flatMap(({ item, value }): (ServerConfigEvidence & { service: string })[] => {
    const editedAt = findEditTime(value.metadata);
    // A broker's definitions file (JSON) declares its queues' limits: the queues that reject publishes when full.
    // A Postgres init script (SQL) makes the roles with their CONNECTION LIMIT.
    return [
      ...findConfigFileSettings(value.data ?? {}, item.settings),
      ...Object.entries(value.data ?? {}).flatMap(([key, text]) => [...findDefinitionsQueueLimits(key, text, item.settings), ...findRoleConnectionLimits(key, text, item.settings)]),
    ]
      .map((s) => ({ service: item.service, configMap: item.name, ...s, ...(editedAt === undefined ? {} : { editedAt }) }));
  });
  return pods.map((p) => {
    const config = found.filter((f) => f.service === p.service && p.namespace === undefined).map(({ service: _, ...c }) => c);
    return config.length === 0 ? p : { ...p, config };
  });
}

/** The newest write of a ConfigMap after its creation (an edit of its data), from its managedFields. */
function findEditTime(meta: { creationTimestamp?: Date; managedFields?: { time?: Date }[] } | undefined): string | undefined {
  const created = meta?.creationTimestamp ? new Date(meta.creationTimestamp).getTime() : undefined;
  const newest = Math.max(...(meta?.managedFields ?? []).flatMap((f) => (f.time === undefined ? [] : [new Date(f.time).getTime()])));
  return Number.isFinite(newest) && (created === undefined || newest > created) ? new Date(newest).toISOString() : undefined;
}
