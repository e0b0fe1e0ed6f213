// A claim as the triage holds it: its own file so that evidence of other reads (a server's
// claims) can name it without importing the whole evidence model.
import type { ClaimApplier } from './evidence-claim-applier.js';
import type { ClaimDataSource } from './evidence-snapshot.js';
import type { ConditionEvidence, IsoTime, Quantity } from './evidence-spec.js';

/** A PersistentVolumeClaim mounted by the workload's pods (or its volumeClaimTemplates). */
export interface PvcEvidence {
  name: string;
  /** metadata.uid: what a volume's claimRef must name to be this claim's. */
  uid?: string;
  /** metadata.creationTimestamp: a claim older than its StatefulSet was not made by it (a leftover it re-used). */
  createdAt?: IsoTime;
  phase: 'Pending' | 'Bound' | 'Lost';
  storageClass?: string;
  volumeName?: string;
  accessModes: string[];
  /** spec.resources.requests.storage: the size asked for, which an expansion raises before the volume grows. */
  requested?: Quantity;
  /** status.capacity.storage: the size the volume has; absent until bound. */
  capacity?: Quantity;
  /** status.conditions (Resizing, FileSystemResizePending, ControllerResizeError, NodeResizeError); absent when none. */
  conditions?: ConditionEvidence[];
  /** Names of the workload's pods that mount it. */
  usedByPods: string[];
  /** metadata.deletionTimestamp: someone deleted the claim; pvc-protection keeps it while a pod uses it, and the scheduler refuses every new pod that mounts it. */
  deletionTimestamp?: IsoTime;
  /** metadata.finalizers: what holds a deleted claim (kubernetes.io/pvc-protection). */
  finalizers?: string[];
  /** spec.dataSourceRef or spec.dataSource: the snapshot (or claim) its volume is restored from; absent for an empty volume. */
  dataSource?: ClaimDataSource;
  /** The GitOps object that applies it (tracking annotation or labels); absent when none says so. */
  appliedBy?: ClaimApplier;
}
