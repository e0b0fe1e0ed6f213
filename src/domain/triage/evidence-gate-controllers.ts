// Deployments of the cluster that may lift a scheduling gate the workload's pods wait on: read only
// when a pod has sat SchedulingGated past a grace (scheduling-gates.ts), kept when a container's
// argument or literal env value names the gate, or the Deployment is named after it.
import type { FieldOwnerEvidence } from './evidence-spec.js';

export interface GateControllerEvidence {
  /** The scheduling gate it was looked up for. */
  gate: string;
  namespace: string;
  name: string;
  /** spec.replicas and status.readyReplicas. */
  replicas: number;
  readyReplicas: number;
  /** How it was tied to the gate: its template names the gate, or only its name is like the gate's. */
  namesGate: boolean;
  /** The managers that last wrote spec.replicas, newest first: who scaled it, and when. */
  replicasOwners: FieldOwnerEvidence[];
}
