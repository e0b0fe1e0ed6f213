// The cluster autoscaler's own status: the ConfigMap it writes for people to read
// (kube-system/cluster-autoscaler-status), read only while a pod of the workload waits to be placed.
import type { IsoTime } from './evidence-spec.js';

export interface AutoscalerStatusEvidence {
  namespace: string;
  name: string;
  /** Its `status` key as written (clipped): health and scale-up state per node group. */
  status: string;
  /** When the autoscaler last wrote it (the ConfigMap's status-update annotation, else its metadata). */
  updatedAt?: IsoTime;
}
