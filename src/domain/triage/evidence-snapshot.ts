import type { LogEvidence } from './evidence-pod.js';

/** spec.dataSourceRef (else spec.dataSource) of a claim: what its new volume is filled from. */
export interface ClaimDataSource {
  /** "VolumeSnapshot", "PersistentVolumeClaim" (a clone), or a populator's kind. */
  kind: string;
  name: string;
  /** "snapshot.storage.k8s.io"; absent for the core group (a PersistentVolumeClaim). */
  apiGroup?: string;
}

/**
 * The log tails of the csi-snapshotter sidecar of the CSI driver's controller, read when a claim
 * restores from a VolumeSnapshot the provisioner says is not ready: the sidecar is what asks the
 * cloud for the snapshot, so its log says why the snapshot is not taken.
 */
export interface SnapshotterLogEvidence {
  /** "Deployment kube-system/ebs-csi-controller". */
  controller: string;
  namespace: string;
  /** The VolumeSnapshot the claim waits for. */
  snapshot: string;
  logs: LogEvidence[];
}
