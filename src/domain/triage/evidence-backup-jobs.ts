/**
 * What the newest failed run of a backup CronJob of the namespace said, from its log tail: read
 * only when the workload's writes are refused for a log that waits for a backup (log-awaits-backup.ts).
 * One run; only its error lines kept.
 */
export interface BackupJobLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  /** Its controller ("CronJob nightly-backup"). */
  owner?: { kind: string; name: string };
  pod: string;
  container: string;
  /** Its error lines, clipped. */
  lines: string[];
  /** How its container ended, when it did. */
  terminated?: { reason?: string; exitCode?: number };
}
