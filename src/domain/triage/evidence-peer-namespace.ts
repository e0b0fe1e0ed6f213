/**
 * A Namespace other than the workload's, as a NetworkPolicy's namespaceSelector sees it: its
 * labels (the API server sets kubernetes.io/metadata.name on every Namespace; any other label was
 * put there by someone, and is gone when the Namespace is deleted and created again) and its times.
 */
import type { IsoTime } from './evidence-spec.js';

export interface PeerNamespaceEvidence {
  name: string;
  labels: Record<string, string>;
  /** metadata.creationTimestamp: a Namespace younger than the policies that name it was re-created. */
  createdAt?: IsoTime;
  /** The newest managedFields time, when later than its creation (a label edited or removed). */
  changedAt?: IsoTime;
}
