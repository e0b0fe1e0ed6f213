import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/**
 * The pods of a node whose kernel file table is full (the workload's logs there say ENFILE, "too
 * many open files in system"), of every namespace, from the shared list of that node's pods: the
 * table is the node's, so any process there may hold it. With the current log tails of the few
 * likeliest holders (node-file-table.ts ranks them). At most two nodes.
 */
export interface NodeFilesEvidence {
  node: string;
  pods: { namespace: string; owner?: string; pod: PodEvidence }[];
  /** The current log tails of the likeliest holders, when they could be read. */
  logs: LogEvidence[];
}
