/**
 * The rollout history of a peer the workload calls, read only when its answers are what fails
 * (responses grown past the client's limit): its newest revision, when it came and what it runs.
 */
import type { IsoTime } from './evidence-spec.js';

export interface PeerRevisionEvidence {
  /** `deployment.kubernetes.io/revision` of the ReplicaSet. */
  revision: number;
  /** The ReplicaSet. */
  name: string;
  createdAt: IsoTime;
  /** status.replicas: pods it runs now. */
  replicas?: number;
  changeCause?: string;
  /** Its containers' images, in template order. */
  images: string[];
  /** Its containers' probes as rendered (`GET :8080/ready every 10s, …`), when asked for. */
  probes?: { readiness?: string; liveness?: string; startup?: string }[];
  /** What its template changed from the revision before it (revision-diff.ts), at most a few lines; none for the oldest read. */
  changes?: string[];
}

export interface PeerRolloutEvidence {
  /** The Service of the namespace the workload calls. */
  service: string;
  /** The Deployment that owns the ReplicaSets, when they have one. */
  deployment?: string;
  /** Newest first. */
  revisions: PeerRevisionEvidence[];
}
