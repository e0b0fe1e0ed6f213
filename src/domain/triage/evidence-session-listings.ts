/**
 * A database's sessions as a recent Job of the namespace printed them (psql's table of
 * pg_stat_activity): read only when the workload's statements time out on locks whose holder the
 * database's own log names (lock-holder-sessions.ts). At most two runs of the hour; only the
 * session tables' headers and rows kept.
 */
export interface SessionListingEvidence {
  /** The database's Service the run connects to. */
  database: string;
  /** The Job and the pod whose log this is. */
  job: string;
  /** Its controller ("CronJob db-sessions-audit"); absent for a Job made by hand. */
  owner?: { kind: string; name: string };
  pod: string;
  container: string;
  /** When the run started. */
  createdAt?: string;
  /** The headers and rows of its session tables, clipped. */
  lines: string[];
}
