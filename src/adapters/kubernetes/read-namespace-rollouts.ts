// The recent rollouts of the namespace's other Deployments, read only when the workload's logs show
// messages it cannot take (message-contract.ts) or transactions that deadlock with another writer
// (writer-conflict.ts), or consumer lag on one partition (partition-lag-skew.ts: the producer that changed its key),
// or a job worker that lists its queues (worker-queue-names.ts: the producer that set a queue name it does not list), or a Kafka
// consumer whose fetches the brokers refuse for the records' codec (kafka-fetch-stall.ts: the producer that set zstd), or a read_committed
// consumer that receives nothing while its lag grows (open-transaction-producer.ts: the transactional producer, any age), or a server
// refusing request bodies over its limit or a dependency blocked by another client's script (client-rollout.ts: the caller or client that rolled out), or a store
// answering that what it reads does not exist (data-object-rollout.ts: the other client of the store that renamed or deleted it): one list of the namespace's ReplicaSets (at most
// 300), kept per owning Deployment — its newest revision and the one before — for the Deployments
// whose newest revision came after `since`. The sender that changed what it sends is the change the
// consumer's own history lacks (producer-rollout.ts picks it); so is the writer that changed how it
// writes the rows both update (writer-conflict.ts).
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from '../../domain/triage/evidence.js';
import type { TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapReplicaSet } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_REPLICA_SETS = 300;

/** `namespace`: the workload's by default; another one where the sender lives elsewhere (read-sender-rollouts.ts). */
export async function readNamespaceRollouts(ctx: CollectContext, target: TriageTarget, since: string, why = 'the workload\'s logs show messages it cannot take: which sender rolled out', namespace = ctx.namespace): Promise<NamespaceRolloutEvidence[]> {
  const { apps } = ctx.clients;
  const own = namespace === ctx.namespace;
  const list = await ctx.reads.list(`ReplicaSets of namespace ${namespace} (${why})`, 'dependencyPods', (cont, limit, o) =>
    apps.listNamespacedReplicaSet({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_REPLICA_SETS },
  );
  const byOwner = new Map<string, { labels: Record<string, string>; revisions: RolloutRevisionEvidence[] }>();
  for (const rs of list.items) {
    const owner = rs.metadata?.ownerReferences?.find((o) => o.kind === 'Deployment')?.name;
    if (owner === undefined || (own && target.kind === 'Deployment' && owner === target.name)) continue;
    const r = mapReplicaSet(rs);
    if (r === undefined) continue;
    const entry = byOwner.get(owner) ?? { labels: {}, revisions: [] };
    entry.revisions.push(r);
    byOwner.set(owner, entry);
    if (entry.revisions.every((x) => x.revision <= r.revision)) entry.labels = { ...(rs.metadata?.labels ?? {}) };
  }
  const out: NamespaceRolloutEvidence[] = [];
  for (const [deployment, { labels, revisions }] of byOwner) {
    const newest = revisions.sort((a, b) => b.revision - a.revision).slice(0, 2);
    if ((newest[0]?.createdAt ?? '') < since) continue;
    delete labels['pod-template-hash'];
    out.push({ deployment, labels, revisions: newest });
  }
  return out;
}
