// The controller that writes a readiness gate's condition, read only when a pod of the workload has
// waited past the grace on a gate whose condition does not exist (unset-gates.ts findLongUnsetGate)
// and the gate's type names a controller that runs as pods (gate-owner.ts findGateWriter).
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

export interface GateWriterEvidence {
  /** The gate the workload's pods wait on. */
  gate: string;
  /** The controller's usual name, and the label its pods were listed by (cluster-wide, at most 5). */
  name: string;
  labelSelector: string;
  /** Its pods; each carries its namespace in `namespace`. */
  pods: (PodEvidence & { namespace: string })[];
  /** The log tail of one pod that is not ready: its last run's when it crashes and restarts. */
  logs: LogEvidence[];
  /** Every page of the list was read: no pod found then means none runs. */
  complete: boolean;
}
