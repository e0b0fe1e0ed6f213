/**
 * Another Deployment of the namespace whose env names the dependency the workload's refusals come
 * from (a pooler or database that caps connections) and whose replicas were written recently: its
 * scale-up can take the slots the workload is refused (cotenant-scale-up.ts).
 */
import type { FieldOwnerEvidence } from './evidence-spec.js';
import type { EventEvidence } from './evidence-pod.js';

export interface CotenantScaleUpEvidence {
  deployment: string;
  /** spec.replicas now. */
  replicas: number;
  /** Who wrote spec.replicas, newest first (managedFields). */
  replicasOwners: FieldOwnerEvidence[];
  /** The host both use, as its env names it ("DATABASE_URL names pgbouncer.billing.svc.cluster.local"). */
  sharedHost: string;
  /** Its env var that names the host. */
  sharedEnv: string;
  /** Its ScalingReplicaSet events: from how many to how many. */
  events: EventEvidence[];
}
