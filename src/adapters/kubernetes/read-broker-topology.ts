// The routing topology a RabbitMQ broker loads (its definitions.json): a get of each ConfigMap one
// serving member mounts (listDefinitionConfigMaps: at most two, in the broker's namespace, never a
// Secret), read only when the broker returns the workload's publishes unroutable (NO_ROUTE, at
// least 3 lines), when its consumer's queue stays empty while its intake fell (queue-expiry.ts), or
// when its consumer requeues messages with a delivery count (delivery-limit.ts). Only the names of
// exchanges and queues, the bindings, and the queue settings that drop messages are kept; users,
// hashes and the rest of the data are dropped at once.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { listDefinitionConfigMaps, parseBrokerDefinitions } from '../../domain/triage/unroutable-messages.js';
import type { CollectContext } from './collect-context.js';

export async function readBrokerTopology(ctx: CollectContext, members: DependencyMembersEvidence, why = "it returns the workload's messages unroutable"): Promise<DependencyMembersEvidence> {
  const names = listDefinitionConfigMaps(members);
  if (names.length === 0) return members;
  const { namespace } = members;
  const got = await ctx.reads.each(names, { label: `ConfigMaps the members of ${members.service} mount (${why})`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
  );
  const topology = got.flatMap(({ item, value }) => parseBrokerDefinitions(item, value.data ?? {}));
  return topology.length === 0 ? members : { ...members, topology };
}
