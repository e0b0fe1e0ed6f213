// The circuit breaker thresholds of an Envoy in the workload's pods, read from the ConfigMap its
// container mounts now and the one the revision before mounted there, only where its access log
// shows it refusing requests at them again and again (envoy-circuit-breaker.ts). Only the
// thresholds are kept; the rest of the file is dropped.

/** One threshold: `local_app max_pending_requests 8` (key envoy.yaml). */
export interface CircuitBreakerThreshold {
  key: string;
  /** The Envoy cluster whose circuit_breakers set it, when the file names it. */
  cluster?: string;
  setting: string;
  value: number;
}

/** A ConfigMap read for its thresholds; none when its file sets no circuit breakers (Envoy's defaults, 1024 each). */
export interface CircuitBreakerConfigEvidence {
  configMap: string;
  /** The pods mount it today; else the revision before did. */
  mountedNow: boolean;
  thresholds: CircuitBreakerThreshold[];
}
