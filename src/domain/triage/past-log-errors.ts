/**
 * Errors a container logged in a bout that is over: every one of them dated well before the read,
 * and the same log shows normal work since, up to the last hour. Clients log what a restart of their
 * broker or database looks like (refused, coordinator unavailable, not leader) and ride it out; that
 * bout, hours back, followed by ordinary lines, is history, not today's failure. Claimed only from
 * lines the log dates: one error line without a time of its own (or of its stack trace's header)
 * keeps the whole bout current, as does a log without recent clean work.
 */
import type { IsoTime } from './evidence-spec.js';
import { isErrorLine } from './error-line.js';
import { readLogLineTime } from './log-line-time.js';
import { HOUR_MS, msBetween } from './time-span.js';

/**
 * Errors older than this at the read are past, when clean work came after them: the window the
 * all-clear speaks of ("no restart in the last hour") and pod-status.ts calls recent.
 */
export const PAST_ERRORS_MS = HOUR_MS;
/** Lines back to a stack trace's header, which carries the time its "Caused by:" and frames lack. */
const TRACE_LINES = 40;
/** A line that continues the record above it: a stack frame, a chained cause, an indented detail. */
const CONTINUATION = /^(\s+\S|Caused by: |\.\.\. \d+ more)/;

/** The time of line `index`: its own, or, for a stack trace's line, its record's header's. */
function dateLine(lines: readonly string[], index: number, now: IsoTime): IsoTime | undefined {
  const own = readLogLineTime(lines[index] ?? '', now);
  if (own !== undefined || !CONTINUATION.test(lines[index] ?? '')) return own;
  for (let i = index - 1; i >= 0 && i >= index - TRACE_LINES; i--) {
    const line = lines[i] ?? '';
    const at = readLogLineTime(line, now);
    if (at !== undefined) return at;
    if (!CONTINUATION.test(line)) return undefined;
  }
  return undefined;
}

/**
 * Whether the error lines at `indexes` of one container's log (oldest first) are a past bout: each
 * dated more than PAST_ERRORS_MS before `now`, and a later line of the same log, dated after the
 * last of them and inside that window, reports no error (`isError` says which lines do).
 */
export function isPastErrorBout(lines: readonly string[], indexes: readonly number[], now: IsoTime, isError: (line: string) => boolean = isErrorLine): boolean {
  if (indexes.length === 0) return false;
  let last: IsoTime | undefined;
  for (const i of indexes) {
    const at = dateLine(lines, i, now);
    if (at === undefined || !(msBetween(at, now) > PAST_ERRORS_MS)) return false;
    if (last === undefined || msBetween(last, at) > 0) last = at;
  }
  const after = Math.max(...indexes) + 1;
  return lines.slice(after).some((line) => {
    if (isError(line)) return false;
    const at = readLogLineTime(line, now);
    return at !== undefined && last !== undefined && msBetween(last, at) > 0 && msBetween(at, now) <= PAST_ERRORS_MS;
  });
}
