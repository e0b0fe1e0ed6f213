import type { EventEvidence, PodEvidence } from './evidence-pod.js';

/**
 * Pods of other workloads waiting to start on a node where one of the workload's image pulls has
 * not finished for minutes, with their own events: the kubelet pulls one image at a time by
 * default (serializeImagePulls), so a huge pull asked for first holds every pull queued behind it.
 * Read for at most two nodes (pull-queue.ts picks them), from the shared list of each node's pods.
 */
export interface PullQueueEvidence {
  node: string;
  /** Pods of other workloads on the node with a container still in ContainerCreating (at most 3), oldest first. */
  waiting: { namespace: string; owner?: string; pod: PodEvidence; events: EventEvidence[] }[];
}
