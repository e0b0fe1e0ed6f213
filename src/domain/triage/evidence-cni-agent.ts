/**
 * The CNI agent of a node (calico-node, aws-node, cilium, flannel…) and its log tail: what MTU it
 * detected on the host and gave the node's pods. Read for a node where the workload's calls time
 * out and for one where they do not (read-cni-agents.ts), so the two can be compared.
 */
import type { LogEvidence } from './evidence-pod.js';

export interface CniAgentEvidence {
  node: string;
  namespace: string;
  pod: string;
  /** Absent when the log could not be read (the failure is in readFailures): no MTU is claimed then. */
  log?: LogEvidence;
}
