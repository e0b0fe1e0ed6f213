/**
 * A scheduler Deployment of the namespace (Celery beat, rq-scheduler…) that runs more than one
 * replica, read where the triaged workload executes scheduled tasks (scheduler-replicas.ts): a
 * scheduler without leader election sends every due task once per replica.
 */
import type { EventEvidence, LogEvidence } from './evidence-pod.js';
import type { FieldOwnerEvidence } from './evidence-spec.js';

export interface SchedulerReplicasEvidence {
  deployment: string;
  container: string;
  /** What the container runs: its command and args, joined ("celery -A billing beat --loglevel=INFO"). */
  command: string;
  /** spec.replicas, and how many are ready. */
  replicas: number;
  readyReplicas: number;
  /** Literal env values naming its broker (CELERY_BROKER_URL…): whether it feeds the workload's queue. */
  brokerEnv: { name: string; value: string }[];
  /** The managers that last wrote spec.replicas, newest first (`kubectl` through the scale subresource). */
  replicasOwners: FieldOwnerEvidence[];
  /** Its events (ScalingReplicaSet says from how many to how many, and when). */
  events: EventEvidence[];
  /** Current log tails of at most two of its pods. */
  logs: LogEvidence[];
}
