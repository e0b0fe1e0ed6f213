// A backend the workload's own HAProxy lost every server of: from the ConfigMap its container
// mounts, that backend's servers' host and health check; the Service of the namespace the host
// names, and that Service's rollout history with each revision's probes (what the servers now
// answer on). Read only where the proxy's log says the backend has no server available.
import type { PeerRolloutEvidence } from './evidence-peer-rollout.js';
import type { HaproxyBackendCheck } from './haproxy-backend-down.js';

export interface BackendDownEvidence {
  configMap: string;
  key: string;
  check: HaproxyBackendCheck;
  /** The Service of the namespace the backend's servers resolve, when they name one. */
  service?: string;
  rollout?: PeerRolloutEvidence;
}
