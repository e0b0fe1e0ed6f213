/**
 * What other workloads of the namespace log about the workload's former pods as stream consumers:
 * read only when the workload reads a Redis stream through a consumer group under consumer names
 * taken from its pod names (pod-named-consumers.ts). At most three pods of other workloads, one
 * current log tail each; only the lines naming a pod-shaped consumer of the workload that is no
 * current pod kept.
 */
export interface FormerConsumerLinesEvidence {
  /** The pod whose log this is, and the workload that made it ("Deployment orders-api"). */
  pod: string;
  owner?: string;
  container: string;
  lines: string[];
}
