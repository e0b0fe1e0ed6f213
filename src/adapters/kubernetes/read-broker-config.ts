// Whether Kafka brokers create a topic when a client first names it, or which JetStream streams NATS
// servers define: a get of each ConfigMap one serving broker mounts (listBrokerConfigMaps: at most
// two, in the brokers' namespace, never a Secret), read only when the workload's clients are told
// their topic or stream does not exist and the brokers' env does not already say. Only
// auto.create.topics.enable and the streams' names and subjects are kept; the rest is dropped at once.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { keepBrokerSettings, listBrokerConfigMaps } from '../../domain/triage/missing-destination.js';
import type { CollectContext } from './collect-context.js';

export async function readBrokerConfig(ctx: CollectContext, members: DependencyMembersEvidence): Promise<DependencyMembersEvidence> {
  const names = listBrokerConfigMaps(members);
  if (names.length === 0) return members;
  const { namespace } = members;
  const got = await ctx.reads.each(names, { label: `ConfigMaps the brokers of ${members.service} mount (their clients are told a topic or stream does not exist)`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
  );
  const config = got.flatMap(({ item, value }) => keepBrokerSettings(value.data ?? {}).map((s) => ({ configMap: item, ...s })));
  return config.length === 0 ? members : { ...members, config };
}
