import type { FieldOwnerEvidence } from './evidence-spec.js';

/**
 * A Deployment of the namespace whose container's env names the address the workload's sends
 * block on: a consumer of it. Read only when the workload's logs say a broker blocks its producers
 * (broker-flow-block.ts).
 */
export interface QueueConsumerEvidence {
  deployment: string;
  /** The address its env names. */
  address: string;
  /** The env variable that names it. */
  env: string;
  /** spec.replicas. */
  replicas: number;
  readyReplicas: number;
  /** Who last wrote spec.replicas, and when (kubectl scale, an HPA). */
  replicasOwners: FieldOwnerEvidence[];
}
