// Envoy's external rate-limit filter, where its access log fails requests with RLSE (the call to the
// rate-limit service failed and the filter is set to fail closed): the filter's settings read from
// the ConfigMap the Envoy container mounts (only those kept), and the Deployment behind the Service
// the filter calls, with who holds its replicas (kube-downscaler's annotations). Never a Secret.
import type { IsoTime } from './evidence-spec.js';

/** The rate-limit filter of an Envoy config file: `failure_mode_deny: true`, cluster ratelimit at ratelimit.gateway.svc.cluster.local:8081. */
export interface RateLimitFilterSettings {
  configMap: string;
  key: string;
  failureModeDeny?: boolean;
  /** The Envoy cluster the filter's rate_limit_service calls. */
  cluster?: string;
  /** That cluster's address as its config names it (host:port). */
  address?: string;
}

/** The Deployment behind the rate-limit Service, when it is of the workload's namespace. */
export interface RateLimitBackendEvidence {
  service: string;
  deployment: string;
  replicas: number;
  readyReplicas: number;
  /** kube-downscaler's annotations on it (`downscaler/original-replicas: 2`), which say it scaled it down and from what. */
  downscaler: Record<string, string>;
  /** When its ReplicaSets were last scaled, as far as the Deployment tells (its Progressing/Available condition's last update). */
  changedAt?: IsoTime;
}

export interface RateLimitServiceEvidence {
  filter?: RateLimitFilterSettings;
  backend?: RateLimitBackendEvidence;
}
