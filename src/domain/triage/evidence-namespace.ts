/**
 * The namespace itself being deleted: `kubectl delete namespace` sets its deletionTimestamp and
 * phase Terminating, and from then on the API server refuses every new object in it. The
 * namespace controller reports in conditions what holds the deletion back
 * (NamespaceContentRemaining, NamespaceFinalizersRemaining: objects whose finalizers no one removes).
 */
import type { ConditionEvidence, IsoTime } from './evidence-spec.js';

export interface NamespaceDeletionEvidence {
  /** metadata.deletionTimestamp: when the delete was asked for. */
  deletedAt?: IsoTime;
  /** status.phase as the API gives it ("Terminating"). */
  phase?: string;
  /** The namespace controller's conditions that are True: what it is still waiting for. */
  conditions: ConditionEvidence[];
}
