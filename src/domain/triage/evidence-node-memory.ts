import type { PodEvidence } from './evidence-pod.js';

/**
 * The pods of a node where the kernel's global OOM killer (the kubelet's SystemOOM event) struck
 * the workload's containers: of every namespace, still placed there, with their memory requests
 * and limits — what the node is promised and what its pods may take. At most two nodes.
 */
export interface NodeMemoryEvidence {
  node: string;
  pods: { namespace: string; owner?: string; pod: PodEvidence }[];
}
