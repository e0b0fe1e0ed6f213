import type { LogEvidence } from './evidence-pod.js';
import type { PeerNamespaceEvidence } from './evidence-peer-namespace.js';

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
  /** The labels of the first pod whose log was read: what a NetworkPolicy's podSelector sees of the controller. */
  podLabels?: Record<string, string>;
  /** The addresses of the pods whose logs were read: what a NetworkPolicy's ipBlock sees. */
  podIPs?: string[];
  /**
   * Its Namespace, read (one get) when an ingress NetworkPolicy of the workload's namespace may
   * decide whether the controller reaches the pods: what a namespaceSelector sees of it.
   */
  namespaceMeta?: PeerNamespaceEvidence;
}
