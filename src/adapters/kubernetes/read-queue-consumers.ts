// The consumers of the address a broker blocks the workload's sends on (Artemis AMQ212054, address
// full under policy BLOCK; a Pulsar topic over its backlog quota; a JetStream stream full under discard: new): read only when its logs say so. One list of the namespace's Deployments
// (at most 200, shared); those whose container has a literal env value naming that address are
// kept, at most three, with their replicas and who last wrote spec.replicas. No Secret is read.
import type { TriageTarget } from '../../domain/triage/evidence.js';
import type { LogEvidence } from '../../domain/triage/evidence-pod.js';
import type { QueueConsumerEvidence } from '../../domain/triage/evidence-queue-consumers.js';
import { findBlockedAddress, namesAddress } from '../../domain/triage/broker-flow-block.js';
import type { CollectContext } from './collect-context.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';
import { listSpecFieldOwners } from './map-field-owners.js';

const MAX_CONSUMERS = 3;

export async function readQueueConsumers(ctx: CollectContext, target: TriageTarget, logs: readonly LogEvidence[]): Promise<QueueConsumerEvidence[]> {
  const blocked = findBlockedAddress(logs);
  if (blocked === undefined) return [];
  const address = blocked.address;
  const list = await listNamespaceDeployments(ctx, `the broker blocks sends to ${address}: which Deployment consumes it?`, 'dependencyPods');
  return list.items.flatMap((d) => {
    const name = d.metadata?.name ?? '';
    if (target.kind === 'Deployment' && name === target.name) return [];
    const env = (d.spec?.template.spec?.containers ?? []).flatMap((c) => c.env ?? []).find((e) => e.value !== undefined && namesAddress(e.value, address));
    return env === undefined ? [] : [{
      deployment: name,
      address,
      env: env.name,
      replicas: d.spec?.replicas ?? 1,
      readyReplicas: d.status?.readyReplicas ?? 0,
      replicasOwners: d.metadata ? listSpecFieldOwners(d.metadata, 'f:replicas') : [],
    }];
  }).slice(0, MAX_CONSUMERS);
}
