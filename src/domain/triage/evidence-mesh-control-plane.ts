// A service mesh's control plane, as read when the workload's pods carry the mesh's proxy and that
// proxy's own log says it cannot reach the control plane (mesh-control-plane.ts).
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

export interface MeshControlPlaneEvidence {
  mesh: 'Linkerd';
  /** The namespace the proxies' destination address names (the default when it names none). */
  namespace: string;
  /** The proxy sidecar's current log tail of one failing pod of the workload. */
  proxyLog: LogEvidence;
  /** The control plane's pods in that namespace (by the mesh's control-plane label, at most 20); absent when the proxy log did not show it lost. */
  pods?: PodEvidence[];
  /** The log tail of one control-plane pod that is not ready (its last run's when it restarts). */
  logs: LogEvidence[];
  /** Every page of the pod list was read. */
  complete: boolean;
}
