/**
 * What a schema-migration Job applied, from its log tail: read only when the workload's queries
 * fail in a way a schema change brings on (prepared statements whose result type changed, 0A000)
 * and a Job of the namespace completed just before (migration-job-log.ts). At most two runs, only
 * the lines that name an applied migration or a DDL statement kept.
 */
export interface MigrationJobLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  /** When the Job completed. */
  finishedAt?: string;
  /** Its lines naming a migration applied or a DDL statement, clipped. */
  lines: string[];
}
