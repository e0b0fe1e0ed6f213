/**
 * A Postgres index left INVALID: CREATE INDEX CONCURRENTLY that fails part-way (a deadlock, a
 * duplicate key for a UNIQUE index, a cancel or a statement timeout) does not roll back the index
 * it created in the catalog; it stays there marked INVALID, which the planner never uses and which a
 * retry "CREATE INDEX CONCURRENTLY IF NOT EXISTS" skips ("relation … already exists, skipping") and
 * reports as success. Queries that the index was meant to serve then scan the table and run into
 * the client's statement timeout. Read from the lines of whoever logged the statements: the
 * database server's own log (its `[pid]` ties an ERROR to the statement that pid ran), or a
 * migration tool that echoes the failed statement with its error.
 * Pure: reads lines, knows nothing of where they came from.
 */
import type { IsoTime } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';

/** CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name [ON table (columns)]. */
const CONCURRENT_BUILD = /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(IF\s+NOT\s+EXISTS\s+)?"?([\w.]+)"?(?:\s+ON\s+(?:ONLY\s+)?"?([\w.]+)"?\s*(?:USING\s+\w+\s*)?\(([^)]*)\))?/i;
/** A server ERROR line (upper case, as Postgres writes it) ("ERROR:  deadlock detected") or a migration tool's "migration failed: …". */
const MIGRATION_FAILED = /\bmigration failed:\s*(.+?)(?:\s+\(details:|\s+in line \d+:|$)/i;
const SERVER_ERROR = /\bERROR:\s+(.+)$/;
const readError = (line: string): string | undefined => (MIGRATION_FAILED.exec(line)?.[1] ?? SERVER_ERROR.exec(line)?.[1])?.trim();
/** Postgres's log_line_prefix %p: "[48213]". */
const PID = /\[(\d+)\]/;
/** The notice a skipped IF NOT EXISTS leaves. */
const SKIPPED = /relation "([\w.]+)" already exists, skipping/i;
/** DROP INDEX [CONCURRENTLY] [IF EXISTS] name. */
const DROPPED = /\bDROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?"?([\w.]+)"?/i;
/** Lines after an ERROR where Postgres puts the statement (STATEMENT:, a deadlock's DETAIL "Process N: …"). */
const LOOK_AHEAD = 6;
const MAX_CHARS = 300;

export interface InvalidIndex {
  /** The index the failed build left behind. */
  index: string;
  table?: string;
  columns?: string;
  /** Why the build failed, in the server's words: "deadlock detected". */
  reason: string;
  /** The line that says so, clipped. */
  failedLine: string;
  failedAt?: IsoTime;
  /** A later IF NOT EXISTS build of the same name that skipped it, with its line. */
  skippedLine?: string;
  skippedAt?: IsoTime;
  /** Indexes of the same table dropped before the failed build (what the new one replaced). */
  dropped: string[];
}

const bare = (name: string): string => name.replace(/^.*\./, '').toLowerCase();
const clip = (line: string): string => (line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS)}…` : line).trim();

/**
 * The indexes a failed concurrent build left INVALID, from one source's lines in order: a failure
 * followed by a DROP INDEX of the same name is cleared. Newest failure first.
 */
export function readInvalidIndexes(lines: readonly string[], now: IsoTime): InvalidIndex[] {
  const building = new Map<string, RegExpExecArray>();
  const found = new Map<string, InvalidIndex>();
  const drops: { name: string; pid: string; at: number }[] = [];
  lines.forEach((line, i) => {
    const pid = PID.exec(line)?.[1] ?? '';
    const build = CONCURRENT_BUILD.exec(line);
    const error = readError(line);
    const drop = DROPPED.exec(line);
    if (drop?.[1] && !error) {
      drops.push({ name: bare(drop[1]), pid, at: i });
      found.delete(bare(drop[1]));
    }
    const skipped = SKIPPED.exec(line)?.[1];
    if (skipped !== undefined) {
      const known = found.get(bare(skipped));
      if (known !== undefined) {
        const at = readLogLineTime(line, now);
        found.set(bare(skipped), { ...known, skippedLine: clip(line), ...(at ? { skippedAt: at } : {}) });
      }
    }
    if (error !== undefined) {
      const reason = error;
      const near = lines.slice(i + 1, i + 1 + LOOK_AHEAD);
      const end = near.findIndex((l) => readError(l) !== undefined || (/\b(?:LOG|NOTICE):/.test(l) && !/\bDETAIL:|\bSTATEMENT:/.test(l)));
      const said = build ?? (end === -1 ? near : near.slice(0, end)).map((l) => CONCURRENT_BUILD.exec(l)).find((m) => m !== null) ?? building.get(pid);
      if (said?.[2] === undefined || reason === '') return;
      building.delete(pid);
      const at = readLogLineTime(line, now);
      const name = bare(said[2]);
      found.set(name, {
        index: said[2], ...(said[3] ? { table: said[3] } : {}), ...(said[4] ? { columns: said[4].trim() } : {}),
        reason: reason.replace(/\s*\(details:.*$/, '').slice(0, 120), failedLine: clip(line), ...(at ? { failedAt: at } : {}),
        dropped: [...new Set(drops.filter((d) => d.at < i && d.name !== name && (pid === '' || d.pid === pid)).map((d) => d.name))],
      });
      return;
    }
    if (build?.[2] !== undefined && pid !== '') building.set(pid, build);
  });
  return [...found.values()].reverse();
}
