/**
 * The migration Jobs of the namespace that may hold the lock the workload waits for at start-up
 * (migration-lock.ts): read only when the workload's own log says it waits for its migration
 * tool's lock (Liquibase's "Waiting for changelog lock"). At most two runs, running or failed
 * within the day, with how the run's container ended and the lines about the lock and its last steps.
 */
export interface MigrationLockRunEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  state: 'running' | 'complete' | 'failed' | 'suspended';
  createdAt?: string;
  /** When the Job failed; absent while it runs. */
  finishedAt?: string;
  /** How the run's container ended: OOMKilled, Error, and the exit code. */
  terminated?: { reason?: string; exitCode?: number };
  /** Its lines about the lock (acquired, released) and its last steps, clipped. */
  lines: string[];
}
