// Whether Kafka brokers create a topic when a client first names it: a get of each ConfigMap one
// serving broker mounts (listBrokerConfigMaps: at most two, in the brokers' namespace, never a
// Secret), read only when the workload's clients are told their topic does not exist and the
// brokers' env does not already say. Only auto.create.topics.enable is kept; the rest of the data
// is dropped at once.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { AUTO_CREATE, listBrokerConfigMaps } from '../../domain/triage/missing-destination.js';
import { findConfigFileSettings } from '../../domain/triage/server-config-file.js';
import type { CollectContext } from './collect-context.js';

export async function readBrokerConfig(ctx: CollectContext, members: DependencyMembersEvidence): Promise<DependencyMembersEvidence> {
  const names = listBrokerConfigMaps(members);
  if (names.length === 0) return members;
  const { namespace } = members;
  const got = await ctx.reads.each(names, { label: `ConfigMaps the brokers of ${members.service} mount (their clients are told a topic does not exist)`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
  );
  const config = got.flatMap(({ item, value }) => findConfigFileSettings(value.data ?? {}, [AUTO_CREATE]).map((s) => ({ configMap: item, ...s })));
  return config.length === 0 ? members : { ...members, config };
}
