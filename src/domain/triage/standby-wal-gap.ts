/**
 * A PostgreSQL streaming standby that cannot catch up: the primary already recycled the WAL
 * segment the standby needs next (it was away longer than wal_keep_size covers, with no replication
 * slot holding the WAL for it), so every reconnect ends with "requested WAL segment … has already
 * been removed". The standby runs and serves stale reads at best, never streams again, and a
 * readiness check on its lag keeps it out of its Service. Only a re-seed brings it back.
 */

export interface RemovedWal {
  /** The segment it asks for: "00000001000000A7000000C3". */
  segment: string;
  /** The line that says so, trimmed. */
  line: string;
  /** How many times its log says so. */
  count: number;
}

const REMOVED = /requested WAL segment ([0-9A-F]{24}) has already been removed/;

/** The segment a standby's own log says the primary no longer has; undefined while it streams. */
export function findRemovedWal(lines: readonly string[]): RemovedWal | undefined {
  const hits = lines.filter((l) => REMOVED.test(l));
  const last = hits.at(-1);
  const segment = last ? REMOVED.exec(last)?.[1] : undefined;
  return last && segment ? { segment, line: last.trim(), count: hits.length } : undefined;
}
