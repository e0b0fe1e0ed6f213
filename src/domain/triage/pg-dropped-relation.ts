/**
 * Postgres failing statements on a table that was dropped under them: `could not open relation
 * with OID N` or `cache lookup failed for relation N` (SQLSTATE XX000). A table rebuilt beside
 * the live one and swapped in by DROP + RENAME gets a new OID; sessions that planned or prepared
 * their statements against the old one (long-lived pooled connections, a client-side statement
 * cache) still look it up by the OID that is gone, on every call, while statements on other
 * tables and the probes keep working. Never noise, however few the lines: each one is a query
 * that failed. The Job that swapped the table is the trigger; the client is right, its
 * connections are stale.
 */

/** The server's words for a relation looked up by an OID that no longer exists (first group: the OID). */
export const PG_DROPPED_RELATION = /could not open relation with OID (\d+)|cache lookup failed for relation (\d+)/i;

/** The statements of a Job's log that drop or swap a table: named first as what it did. */
export const DROPPED_RELATION_DDL = /\bDROP TABLE\b|\bRENAME TO\b/i;

/** " 40213 (SQLSTATE XX000)": the OID the refused line names, after the refusal's words. */
export function describeDroppedOid(line: string): string {
  const m = PG_DROPPED_RELATION.exec(line);
  const oid = m?.[1] ?? m?.[2];
  return `${oid === undefined ? '' : ` ${oid}`} (SQLSTATE XX000)`;
}

export const DROPPED_RELATION_WHY =
  'Postgres resolves a table to its OID when it plans a statement. A table rebuilt beside the live one and swapped in by DROP TABLE + RENAME (a nightly rebuild, a migration that recreates it) gets a new OID; the sessions that planned or prepared their statements before the swap — the pool\'s long-lived connections, a client-side statement cache — still look for the old one, and every statement on that table fails with "could not open relation with OID" (XX000) on those connections. Statements on other tables and the probes are untouched, so the pods stay Ready. When nothing dropped or swapped a table, a damaged catalog is the rarer reading: check pg_class for the OID.';

export const DROPPED_RELATION_CLIENT_SIDE =
  'Postgres and the new table are fine: what is stale is the plans these pods\' connections hold for the table that was dropped. Recycling their connections is the fix here, not a mitigation; rolling the client back would not help, its old revision caches plans the same way.';

export const DROPPED_RELATION_FIX =
  'recycle the pods\' database connections so they plan against the new table (kubectl rollout restart, or DISCARD ALL / DEALLOCATE ALL on the pooled connections); then make the table swap atomic — both RENAMEs in one transaction, the old table dropped only once the clients have reconnected — or stop caching plans and prepared statements across it (cap the pool\'s connection lifetime, or reset the connections after each swap)';

export const DROPPED_RELATION_OUTLASTS = 'the table was dropped and swapped in the database: whatever revision of the client runs, only fresh connections plan against the new one';
