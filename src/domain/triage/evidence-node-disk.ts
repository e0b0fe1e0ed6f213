import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/**
 * The pods of a node under DiskPressure (or whose kubelet evicted the workload's pods for its disk:
 * bytes or inodes), of every namespace, from the shared list of that node's pods: what writes to
 * the node's filesystem (emptyDirs, writable layers) and what the kubelet already evicted. With the
 * current log tail of at most one likely consumer (disk-consumer.ts ranks them). At most two nodes.
 */
export interface NodeDiskEvidence {
  node: string;
  pods: { namespace: string; owner?: string; pod: PodEvidence }[];
  /** The current log tail of the likeliest consumer, when it could be read. */
  logs: LogEvidence[];
}
