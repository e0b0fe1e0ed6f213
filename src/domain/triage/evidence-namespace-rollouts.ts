/**
 * The recent rollouts of the namespace's other Deployments, read only when the workload's logs show
 * messages it cannot take (message-contract.ts): a producer that changed what it sends is the change
 * a consumer's own history does not show.
 */
import type { RevisionEvidence } from './evidence-spec.js';

/** One ReplicaSet of another Deployment, mapped as the workload's own revisions are (map-revision.ts), so revision-diff.ts reads both. */
export type RolloutRevisionEvidence = RevisionEvidence;

export interface NamespaceRolloutEvidence {
  deployment: string;
  /** The newest revision's labels (app.kubernetes.io/part-of says which application it belongs to). */
  labels: Record<string, string>;
  /** Newest first: the newest revision and the one before it, when kept. */
  revisions: RolloutRevisionEvidence[];
}
