/**
 * A call that failed once and succeeded when retried: resilience libraries (Resilience4j, Polly,
 * Spring Retry, tenacity, a hand-written loop) log each retry at WARN with the exception of the
 * attempt that failed — a read timeout, a 503, a connection reset — and then log that the retry
 * succeeded. The caller got its answer; the retry is the design working, not a failure, so such
 * lines count as no error and no dependency failure. A retry announced and never followed by its
 * success (still retrying, or given up: "exhausted", "giving up", "recorded a failed retry
 * attempt") still counts, and so does any other line naming the exception.
 */
import { splitRecords } from './client-abort.js';

/** A line saying a retried call ended in success (Resilience4j's onSuccess event, the usual wordings). */
const RETRY_SUCCEEDED = /\brecorded a successful retry attempt\b|\bretry (?:attempt )?succeeded\b|\bsucceeded (?:after|on) (?:\d+ )?(?:retr(?:y|ies)|attempts?)\b|\bsucceeded on (?:the )?(?:\w+ )?(?:retry|attempt(?: \d+)?)\b|\bsuccessful (?:after|on) (?:\d+ )?retr(?:y|ies)\b/i;
/** A line announcing a retry of a failed attempt (Resilience4j's onRetry, "retrying", "will retry", "attempt 1 of 3 failed"). */
const RETRY_ANNOUNCED = /\bRetry '[^']+', waiting \S+ until attempt\b|\bretrying\b|\bwill retry\b|\battempt \d+ (?:of|\/) ?\d+ failed\b/i;
/** Words of a retry that did not end well, whatever else the line says. */
const GAVE_UP = /\bgiving up\b|\bgave up\b|\bexhausted\b|\brecorded a failed retry attempt\b|\bmax(?:imum)? (?:retr(?:y|ies)|attempts) (?:reached|exceeded)\b|\ball \d+ attempts failed\b/i;
/** The retry a line is about: Resilience4j's instance name, else the thread in brackets. */
const RETRY_NAME = /\bRetry '([^']+)'/;
const THREAD = /\[\s*([\w.-]*(?:exec|thread|worker|pool|task)[\w.-]*)\s*\]/i;
/** How far after a retry's announcement its success is looked for. */
const ANSWER_WINDOW_LINES = 20;
/** With no retry name or thread to follow, only a success right under the announcement counts. */
const NEARBY_LINES = 3;

/** Whether one line says a retried call succeeded in the end. */
export function isRetrySucceeded(line: string): boolean {
  return RETRY_SUCCEEDED.test(line) && !GAVE_UP.test(line);
}

function keyOf(line: string): string | undefined {
  return RETRY_NAME.exec(line)?.[1] ?? THREAD.exec(line)?.[1];
}

/** Whether the retry a record announces is shown succeeding after it (same retry name or thread, before any give-up). */
function isRetriedIntoSuccess(lines: readonly string[], from: number, record: string): boolean {
  const key = keyOf(record);
  const window = lines.slice(from, from + (key === undefined ? NEARBY_LINES : ANSWER_WINDOW_LINES));
  for (const l of window) {
    const same = key === undefined || keyOf(l) === key;
    if (!same) continue;
    if (GAVE_UP.test(l)) return false;
    if (isRetrySucceeded(l)) return true;
  }
  return false;
}

/** The indexes of the lines (with their stacks) of retries the log shows succeeding: the success itself and the announcements it answers. */
export function listSucceededRetryLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of splitRecords(lines)) {
    const text = lines.slice(r.start, r.end).join('\n');
    const head = lines[r.start] ?? '';
    const absorbed = isRetrySucceeded(head) || (RETRY_ANNOUNCED.test(head) && !GAVE_UP.test(text) && isRetriedIntoSuccess(lines, r.end, text));
    if (absorbed) for (let i = r.start; i < r.end; i++) out.add(i);
  }
  return out;
}
