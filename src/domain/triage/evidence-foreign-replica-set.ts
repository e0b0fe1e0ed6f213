/**
 * The ReplicaSet that made a pod behind the workload's Service that is not the workload's own,
 * read so its owner is told, not guessed from its name: a ReplicaSet named `<deployment>-<hash>`
 * whose ownerReferences are gone was orphaned (its Deployment deleted with --cascade=orphan), and
 * nothing scales it down.
 */
import type { IsoTime } from './evidence-spec.js';

export interface ForeignReplicaSetEvidence {
  name: string;
  /** Its controller ownerReference; absent when it has none (an orphan). */
  owner?: { kind: string; name: string };
  createdAt?: IsoTime;
  /** spec.replicas: what it keeps running. */
  specReplicas?: number;
  /** Its template's container images, in order. */
  images: string[];
}
