/**
 * The recent rollouts of the namespace's other Deployments, read only when the workload's logs show
 * messages it cannot take (message-contract.ts): a producer that changed what it sends is the change
 * a consumer's own history does not show.
 */
import type { IsoTime, PodTemplateEvidence, RevisionContainerEvidence } from './evidence-spec.js';

/** One ReplicaSet of another Deployment, shaped like the workload's own revisions (revision-diff.ts reads both). */
export interface RolloutRevisionEvidence {
  /** `deployment.kubernetes.io/revision`. */
  revision: number;
  name: string;
  hash: string;
  createdAt: IsoTime;
  /** status.replicas: pods it runs now. */
  replicas?: number;
  changeCause?: string;
  containers: RevisionContainerEvidence[];
  template?: PodTemplateEvidence;
}

export interface NamespaceRolloutEvidence {
  deployment: string;
  /** The newest revision's labels (app.kubernetes.io/part-of says which application it belongs to). */
  labels: Record<string, string>;
  /** Newest first: the newest revision and the one before it, when kept. */
  revisions: RolloutRevisionEvidence[];
}
