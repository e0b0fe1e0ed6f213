/**
 * What a failed Job of the namespace said about the search-index settings it changed, from its log
 * tail: read only when the workload's logs use a search index and a Job of the namespace gave up
 * within the day (left-index-settings.ts). At most two runs; only the lines that change an index's
 * settings kept.
 */
export interface LeftSettingJobLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  /** When the Job started and when it failed. */
  createdAt?: string;
  finishedAt?: string;
  /** How its container ended: OOMKilled, Error, and the exit code. */
  terminated?: { reason?: string; exitCode?: number };
  /** Its lines changing an index's settings (refresh_interval, number_of_replicas, blocks), clipped. */
  lines: string[];
}
