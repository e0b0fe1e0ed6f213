import type { IsoTime } from './evidence-spec.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/**
 * What started on a node shortly before the workload's pods began failing there and nowhere else,
 * while the node reports no bad condition: pods of other workloads (a DaemonSet's new revision, a
 * heavy newcomer) are that node's change. Read for one node (node-change.ts picks it), from the
 * shared list of its pods, with the log tail of at most one newcomer.
 */
export interface NodeChangeEvidence {
  node: string;
  /** When the workload's pods on the node began failing. */
  onset: IsoTime;
  /** Pods of other workloads created in the window before the onset, the likeliest first (at most 5). */
  newcomers: { namespace: string; owner?: string; pod: PodEvidence }[];
  /** The current log tail of the first newcomer, when it could be read. */
  logs: LogEvidence[];
}
