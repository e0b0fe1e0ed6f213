// A backend the workload's own HAProxy lost every server of: from the ConfigMap its container
// mounts, that backend's servers' host and health check; the Service of the namespace the host
// names, and that Service's rollout history with each revision's probes (what the servers now
// answer on). Read only where the proxy's log says the backend has no server available.
import type { PeerRolloutEvidence } from './evidence-peer-rollout.js';

export interface HaproxyBackendCheck {
  backend: string;
  /** The host its first server line resolves (`api-headless.shop.svc.cluster.local`). */
  host?: string;
  /** The check request as the config sets it: `option httpchk GET /ping`, `http-check send meth GET uri /ping`. */
  checkLine?: string;
  /** The path it checks, when an HTTP check names one. */
  checkPath?: string;
  /** `http-check expect status 200`, when set. */
  expectLine?: string;
}

export interface BackendDownEvidence {
  configMap: string;
  key: string;
  check: HaproxyBackendCheck;
  /** The Service of the namespace the backend's servers resolve, when they name one. */
  service?: string;
  rollout?: PeerRolloutEvidence;
}
