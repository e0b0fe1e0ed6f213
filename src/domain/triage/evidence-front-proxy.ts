// A load balancer of the namespace in front of the workload: a Deployment whose container is a
// proxy (HAProxy, by image) and whose mounted ConfigMap names one of the workload's Services as a
// backend server. Only that backend's section is kept (its name, per-server maxconn, queue timeout),
// with the proxy's revision and restart and the current log tail of at most two of its pods.
import type { LogEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';

export interface FrontProxyBackend {
  /** The backend section that names the workload's Service (`be_checkout`). */
  name: string;
  /** The Service host its servers resolve (`checkout-api-headless.storefront.svc.cluster.local`). */
  host: string;
  /** Per-server maxconn of that backend (`default-server … maxconn 8`), with the line that sets it. */
  maxconn?: number;
  maxconnLine?: string;
  /** `timeout queue` as the config sets it (backend first, then defaults). */
  queueTimeout?: string;
}

export interface FrontProxyEvidence {
  deployment: string;
  configMap: string;
  key: string;
  backend: FrontProxyBackend;
  /** The Deployment's current revision and when its pods were last restarted by `kubectl rollout restart`. */
  revision?: number;
  restartedAt?: IsoTime;
  logs: LogEvidence[];
}
