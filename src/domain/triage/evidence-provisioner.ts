import type { FieldOwnerEvidence, IsoTime } from './evidence-spec.js';

/** A Deployment or StatefulSet in brief, as far as telling whether it runs a CSI driver's controller goes. */
export interface ControllerCandidate {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
  /** spec.replicas (1 when unset). */
  replicas: number;
  readyReplicas: number;
  containers: { name: string; image: string; args: string[] }[];
  /** spec.selector.matchLabels: how its pods are found (its snapshotter's log, snapshot-source.ts). */
  selector?: Record<string, string>;
  /** Who last set spec.replicas (managedFields), newest first. */
  replicasOwners?: FieldOwnerEvidence[];
}

/**
 * The controller of the external provisioner a Pending claim waits on, looked for among the
 * Deployments and StatefulSets of the namespaces drivers are installed in (kube-system).
 */
export interface ProvisionerControllerEvidence {
  /** The provisioner the claim's ExternalProvisioning event names: "ebs.csi.aws.com". */
  driver: string;
  /** The namespaces searched. */
  searched: string[];
  /** Every Deployment and StatefulSet of those namespaces was read (none failed, none cut off). */
  complete: boolean;
  /** The one that runs the driver's provisioner; absent when none does. */
  controller?: ControllerCandidate & { matchedBy: string };
  /** When the claim began waiting on it. */
  waitingSince: IsoTime;
}
