/**
 * What a recent Job of the namespace said about a database's read-only setting, from its log tail:
 * read only when the workload's writes are refused as read-only (read-only-setting.ts). At most a
 * few runs of the day; only the lines that set or reset a read-only setting kept.
 */
export interface ReadOnlyJobLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  /** Its controller ("CronJob nightly-archive"); absent for a Job made by hand. */
  owner?: { kind: string; name: string };
  pod: string;
  container: string;
  /** When the Job started and when it ended. */
  createdAt?: string;
  finishedAt?: string;
  state: 'running' | 'complete' | 'failed' | 'suspended';
  /** Its lines that set or reset a read-only setting (default_transaction_read_only, read_only), clipped. */
  lines: string[];
}
