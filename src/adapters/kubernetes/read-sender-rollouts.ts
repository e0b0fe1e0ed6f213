// The recent rollouts of the other namespaces that may hold the sender of the documents a search
// index refuses for its mapping (index-mapping-sender.ts): one list of ReplicaSets (at most 300)
// per namespace the failure lines or the consumer's channel name (at most two), read only then.
// A name that is no namespace lists nothing.
import type { SenderRolloutEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { readNamespaceRollouts } from './read-namespace-rollouts.js';

export async function readSenderRollouts(ctx: CollectContext, target: TriageTarget, need: { since: string; namespaces: readonly string[] }): Promise<SenderRolloutEvidence[]> {
  const why = 'the workload\'s logs show documents its index refuses for their mapping: which sender rolled out';
  const lists = await Promise.all(need.namespaces.map(async (namespace) => (await readNamespaceRollouts(ctx, target, need.since, why, namespace)).map((r) => ({ ...r, namespace }))));
  return lists.flat();
}
