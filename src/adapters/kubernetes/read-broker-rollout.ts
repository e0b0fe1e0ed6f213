// The revision a RabbitMQ broker's StatefulSet runs and the one before it (delivery-limit.ts), read
// only when the workload's consumer requeues messages again and again with a delivery count (or the
// broker refuses its publishes for their size) and its broker's members were read: one list of ControllerRevisions by a member's template labels (at most
// 20, read-server-rollout.ts), those of its StatefulSet kept. One request; never a Secret.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { listBrokerRolloutRead } from '../../domain/triage/delivery-limit.js';
import type { CollectContext } from './collect-context.js';
import { readStatefulSetRollout } from './read-server-rollout.js';

export async function readBrokerRollout(ctx: CollectContext, members: DependencyMembersEvidence, why = 'a broker whose consumer requeues messages again and again'): Promise<DependencyMembersEvidence> {
  const w = listBrokerRolloutRead(members);
  if (w === undefined) return members;
  const rollout = await readStatefulSetRollout(ctx, { namespace: members.namespace, labels: w.pod.labels, statefulSet: w.statefulSet, revisionHash: w.revisionHash }, why, 'dependencyMembers');
  return rollout === undefined ? members : { ...members, rollout };
}
