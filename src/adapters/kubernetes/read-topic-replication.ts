// The replication factor of the topics a Kafka cluster refuses its clients' writes for (too few
// in-sync replicas): one page of the ConfigMaps of the brokers' namespace (never a Secret), read
// only when the clients log NOT_ENOUGH_REPLICAS naming a topic; of each, only the lines that define
// those topics' replication factor and min.insync.replicas are kept, the rest dropped at once.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { findTopicReplication } from '../../domain/triage/topic-replication.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';

/** ConfigMaps read: a brokers' namespace holds a few dozen at most. */
const MAX_CONFIGMAPS = 100;

export async function readTopicReplication(ctx: CollectContext, members: DependencyMembersEvidence, topics: readonly string[]): Promise<DependencyMembersEvidence> {
  const { namespace } = members;
  const list = await ctx.reads.list(`ConfigMaps in ${namespace} (the replication factor of topic ${topics.join(', ')}: its writes are refused for too few in-sync replicas)`, 'dependencyMembers', (cont, limit, o) =>
    ctx.clients.core.listNamespacedConfigMap({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_CONFIGMAPS },
  );
  const found = list.items.flatMap((c) => findTopicReplication(c.metadata?.name ?? '', c.data ?? {}, topics));
  // One definition per topic: the first ConfigMap that sets it.
  const topicReplication = found.filter((t, i) => found.findIndex((x) => x.topic === t.topic) === i);
  return topicReplication.length === 0 ? members : { ...members, topicReplication };
}
