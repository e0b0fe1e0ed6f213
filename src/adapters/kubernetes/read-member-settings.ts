// The settings of the limit a primary refuses at (Redis min-replicas-to-write), or of what its
// refusal turns on (a Kafka offsets topic's replication factor): a get of each ConfigMap the primary
// — else the first member — mounts (at most two, config-named first, in its namespace, never a
// Secret), read only when its clients log the sign that asks for them. Only the settings asked for
// are kept; the rest of the data is dropped at once.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { listConfigMapsOf } from '../../domain/triage/cluster-down.js';
import { findConfigFileSettings } from '../../domain/triage/server-config-file.js';
import type { CollectContext } from './collect-context.js';

export async function readMemberSettings(ctx: CollectContext, members: DependencyMembersEvidence, settings: readonly string[], primarySelector: Readonly<Record<string, string>>): Promise<DependencyMembersEvidence> {
  const primary = members.pods.find((p) => Object.entries(primarySelector).every(([k, v]) => p.labels[k] === v));
  const names = listConfigMapsOf(primary);
  if (names.length === 0) return members;
  const { namespace } = members;
  const got = await ctx.reads.each(names, { label: `ConfigMaps ${primary?.name ?? 'the primary'} mounts (its ${settings.join(', ')}: its clients log that it cannot serve them)`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
  );
  const config = got.flatMap(({ item, value }) => findConfigFileSettings(value.data ?? {}, settings).map((s) => ({ configMap: item, ...s })));
  return config.length === 0 ? members : { ...members, config };
}
