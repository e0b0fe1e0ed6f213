/**
 * What a schema-migration Job that failed said, from its log tail: read only when the workload's
 * log says a table it needs is missing and a migration Job of the namespace failed
 * (failed-migration.ts). At most two runs, only the lines that carry the database's refusal kept,
 * and a statement that set a role's or database's search_path (role-search-path.ts).
 */
export interface FailedMigrationLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  /** When the Job failed. */
  finishedAt?: string;
  /** Its lines carrying the migration's error and the database's refusal (and a search_path it set), clipped. */
  lines: string[];
}
