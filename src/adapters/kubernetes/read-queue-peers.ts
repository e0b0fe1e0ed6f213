// The queues the namespace's other Deployments are configured with, read only when SQS tells the
// workload's own pods that the queue they use does not exist (NonExistentQueue): a producer or consumer
// that still works names the queue that exists. One list of the namespace's Deployments (at most 200,
// shared); of their containers only literal env values that name an SQS queue (a URL, an ARN, a bare
// name under a queue key) are kept, at most five. Neither a Secret nor a ConfigMap is read.
import type { LogEvidence, PodEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { QueuePeerEvidence } from '../../domain/triage/evidence-queue-peers.js';
import { findMissingQueueErrors, readQueueValue } from '../../domain/triage/missing-queue.js';
import type { CollectContext } from './collect-context.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';

const MAX_PEERS = 5;

export async function readQueuePeers(ctx: CollectContext, target: TriageTarget, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<QueuePeerEvidence[]> {
  if (findMissingQueueErrors(seen.logs, seen.pods, ctx.now().toISOString()) === undefined) return [];
  const list = await listNamespaceDeployments(ctx, 'SQS says the queue the pods use does not exist: which queue do the other workloads use?', 'dependencyPods');
  return list.items.flatMap((d) => {
    const deployment = d.metadata?.name ?? '';
    if (target.kind === 'Deployment' && deployment === target.name) return [];
    return (d.spec?.template.spec?.containers ?? []).flatMap((c) => c.env ?? []).flatMap((e) => {
      const queue = e.value === undefined ? undefined : readQueueValue(e.name, e.value);
      return queue === undefined || e.value === undefined ? [] : [{ deployment, env: e.name, queue, value: e.value.trim() }];
    });
  }).slice(0, MAX_PEERS);
}
