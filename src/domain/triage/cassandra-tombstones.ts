/**
 * Cassandra aborts a read that scans more tombstones than tombstone_failure_threshold (100000 by
 * default): the replica logs "Scanned over 100001 tombstones during query '…' … query aborted"
 * (TombstoneOverwhelmingException) and the driver fails the read with ReadFailureException, each
 * failed replica's reason READ_TOO_MANY_TOMBSTONES. Deleted rows (and expired TTLs) stay as
 * tombstones until compaction may purge them after the table's gc_grace_seconds, so a table used as
 * a queue — read oldest first, each handled row deleted — piles them up at the head of its
 * partitions. The data pattern is at fault, on a cluster that is up. Pure: reads log lines only.
 */
import type { IsoTime, PodEvidence, RevisionEvidence } from './evidence.js';
import type { ServerExplanation } from './server-explanation.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';

/** A tombstone lives this long before compaction may purge it: gc_grace_seconds' default (864000 s). */
const GC_GRACE_DEFAULT_MS = 240 * HOUR_MS;

/**
 * The client's newest revision, when its pods run it and it rolled out within a tombstone's life
 * before the first aborted read: deletes it began (or multiplied) are what piled up, so it is named
 * as the possible start of the pile-up. Hedged: nothing read shows what a revision deletes.
 */
export function describeDeletesSince(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], firstAbort: IsoTime | undefined, now: IsoTime): string | undefined {
  const [newest, previous] = [...revisions].sort((a, b) => b.revision - a.revision);
  if (!newest?.createdAt || previous === undefined || firstAbort === undefined || !pods.some((p) => p.revisionHash === newest.hash)) return undefined;
  const before = msBetween(newest.createdAt, firstAbort);
  if (before <= 0 || before > GC_GRACE_DEFAULT_MS) return undefined;
  return `These pods run revision ${newest.revision}, rolled out ${formatAgo(newest.createdAt, now)}, within the 10 days a tombstone lives by default before the first aborted read: if that revision began deleting these rows (or deleting more of them), it started the pile-up — reverting it stops new tombstones but purges none of those written.`;
}

/** The client's words (the driver's per-replica reason) or the replica's own. */
export const TOMBSTONE_ABORT = /READ_TOO_MANY_TOMBSTONES|TombstoneOverwhelmingException|Scanned over \d+ tombstones/i;

/**
 * A driver's read failure that names no cause: Java's "Cassandra failure (or timeout) during read
 * query at consistency …", the server's "Operation failed - received 0 responses and 2 failures"
 * other drivers relay, or "Replica(s) failed to execute read". Tombstones are one cause among
 * several, so such lines count only when the replicas' own log says it aborted reads on them.
 */
export const CASSANDRA_READ_FAILED = /Cassandra (?:failure|timeout) during read query|Replica\(s\) failed to execute read|Operation (?:failed|timed out) - received (?:only )?\d+ responses?/i;

/** A tombstone abort or a bare read failure: the lines the client logs when its reads are aborted. */
export const TOMBSTONE_OR_READ_FAILED = new RegExp(`${TOMBSTONE_ABORT.source}|${CASSANDRA_READ_FAILED.source}`, 'i');

/** The driver named the per-replica reason: said after the refusal. */
export function describeReplicaReason(lines: readonly string[]): string {
  return lines.some((l) => /READ_TOO_MANY_TOMBSTONES/.test(l)) ? 'its replicas answer READ_TOO_MANY_TOMBSTONES' : '';
}

/** The partition key a replica's line names ("… and partion key was ((a, b))); query aborted", in Cassandra's own spelling). */
function readPartition(line: string): string | undefined {
  const m = /parti(?:ti)?on key was (.+?)\)(?:;|$)/i.exec(line);
  let key = m?.[1]?.trim();
  while (key?.startsWith('(') && key.endsWith(')')) key = key.slice(1, -1).trim();
  return key ? key : undefined;
}

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
    const partition = readPartition(m[0]);
    const where = partition ? ` (partition key ${partition})` : '';
    return {
      ...(table ? { subject: `table ${table}${where}` } : {}),
      said: `its replicas abort reads${table ? ` of ${table}${where}` : ''} that scan over ${m[1] ?? '?'} tombstones (TombstoneOverwhelmingException)`,
    };
  },
};
