/**
 * Postgres refusing a prepared statement whose result type changed under it: `cached plan must not
 * change result type` (SQLSTATE 0A000). A client that prepares statements on the server (pgx,
 * pgjdbc after prepareThreshold, asyncpg, Npgsql) keeps them per pooled connection; a migration
 * that adds, drops or retypes a column of a table they read (`SELECT *` above all) makes every
 * one of them fail on the connections that prepared them before, until those connections close.
 * The migration is the trigger and outlasts a rollback; fresh connections are the way out.
 */

export const PG_CACHED_PLAN = /cached plan must not change result type/i;

export const CACHED_PLAN_WHY =
  'The client prepares its queries on the server and keeps those prepared statements for the life of each pooled connection. A schema change to a table they read — a column added, dropped or retyped by a migration — changes the statement\'s result type, and Postgres refuses to run the old statement with "cached plan must not change result type" (SQLSTATE 0A000) on every connection that prepared it before the change; `SELECT *` queries are hit by any new column. Connections opened since prepare anew and work, so the errors last as long as the pool keeps its old connections (hours, with a long max lifetime).';

export const CACHED_PLAN_CLIENT_SIDE =
  'Postgres and the migration are fine: the statements these pods prepared before the schema changed are stale, and they stay in the pool\'s long-lived connections. Restarting the pods (or recycling their pools) is the fix here, not a mitigation; rolling the client back would not undo the migration.';

export const CACHED_PLAN_FIX =
  'restart the pods (kubectl rollout restart) so their pools open fresh connections and prepare the statements again (or DEALLOCATE ALL / DISCARD ALL on the old connections); then list columns explicitly instead of SELECT *, cap the pool\'s connection lifetime, or restart the clients with every migration';

export const CACHED_PLAN_OUTLASTS = 'the migration that changed the table stays whatever revision of the client runs: only fresh connections prepare statements that match it';
