// A StorageClass as the triage holds it: read (cluster-scoped, one get) only when a pending pod's
// claim cannot get a volume on the nodes the pod may use, to say where the class provisions.

/** What a claim's StorageClass says about where and when its volumes are made. */
export interface StorageClassEvidence {
  name: string;
  provisioner?: string;
  /** volumeBindingMode (the API defaults it to Immediate). */
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  /**
   * The zones allowedTopologies admits (topology.kubernetes.io/zone and the driver's own zone
   * keys); absent when the class sets no zone restriction.
   */
  allowedZones?: string[];
  allowVolumeExpansion?: boolean;
}
