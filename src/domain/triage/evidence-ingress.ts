import type { LogEvidence } from './evidence-pod.js';

/**
 * The ingress controller in front of the workload's Services, read where the workload has a
 * Service with a ready endpoint: users reach it through this proxy, and when the pods look fine
 * but users get 5xx, the proxy's own log is where it says why (ingress-nginx names each upstream
 * `<namespace>-<service>-<port>` in its access log and the endpoint address in its error log).
 */
export interface IngressControllerEvidence {
  /** Which controller: "ingress-nginx". */
  controller: string;
  namespace: string;
  /** Its pods found (at most 5). */
  pods: string[];
  /** The current log tails of at most two of them; only these were read. */
  logs: LogEvidence[];
}
