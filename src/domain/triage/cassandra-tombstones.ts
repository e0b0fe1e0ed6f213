/**
 * Cassandra aborts a read that scans more tombstones than tombstone_failure_threshold (100000 by
 * default): the replica logs "Scanned over 100001 tombstones during query '…' … query aborted"
 * (TombstoneOverwhelmingException) and the driver fails the read with ReadFailureException, each
 * failed replica's reason READ_TOO_MANY_TOMBSTONES. Deleted rows (and expired TTLs) stay as
 * tombstones until compaction may purge them after the table's gc_grace_seconds, so a table used as
 * a queue — read oldest first, each handled row deleted — piles them up at the head of its
 * partitions. The data pattern is at fault, on a cluster that is up. Pure: reads log lines only.
 */
import type { ServerExplanation } from './server-explanation.js';

/** The client's words (the driver's per-replica reason) or the replica's own. */
export const TOMBSTONE_ABORT = /READ_TOO_MANY_TOMBSTONES|TombstoneOverwhelmingException|Scanned over \d+ tombstones/i;

/** The table a line's query names (`FROM ks.table`, or Cassandra 3's `tombstones in ks.table`). */
function readTable(line: string): string | undefined {
  const m = /\bFROM\s+("?[\w]+"?(?:\."?[\w]+"?)?)/i.exec(line) ?? /tombstones in ("?[\w]+"?\."?[\w]+"?)/i.exec(line);
  return m?.[1]?.replace(/"/g, '');
}

/**
 * The replica's own line: Cassandra 4 "Scanned over 100001 tombstones during query 'SELECT * FROM
 * ks.t WHERE …' (last scanned row token was …); query aborted", Cassandra 3 "Scanned over 100000
 * tombstones in ks.t; query aborted". Names the table to start with.
 */
export const TOMBSTONES_SCANNED: ServerExplanation = {
  pattern: /Scanned over (\d+) tombstones\b[^\n]*/i,
  describe: (m) => {
    const table = readTable(m[0]);
    return {
      ...(table ? { subject: `table ${table}` } : {}),
      said: `its replicas abort reads${table ? ` of ${table}` : ''} that scan over ${m[1] ?? '?'} tombstones`,
    };
  },
};
