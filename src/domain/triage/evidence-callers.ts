// Pods of other workloads that call the workload through its Service (their env or args name it),
// read when the workload had no serving pod: their own log is where its outage shows as impact.
import type { LogEvidence } from './evidence-pod.js';

/** A pod of the namespace as the caller search sees it: what its containers are told to reach. */
export interface CallerCandidate {
  pod: string;
  /** "Deployment pricing-api": the name a person knows; absent for a bare pod. */
  owner?: string;
  running: boolean;
  /** Each container's env values and args: `via` says where ("env QUOTE_CACHE_ADDR"), `value` what ("quote-cache:6379"). */
  containers: { name: string; restarts: number; refs: { via: string; value: string }[]; image?: string }[];
}

/** One caller pod whose container names a Service of the workload, with its current log tail. */
export interface ServiceCallerEvidence {
  service: string;
  pod: string;
  owner?: string;
  container: string;
  /** What named the Service: "env QUOTE_CACHE_ADDR=quote-cache:6379". */
  via: string;
  /** Picked as a reverse proxy of the namespace (its upstreams are in its config, not its env): a caller only if its log names the Service. */
  proxy?: true;
  log?: LogEvidence;
}
