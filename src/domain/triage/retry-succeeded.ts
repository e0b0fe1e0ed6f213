/**
 * A call that failed once and succeeded when retried: resilience libraries (Resilience4j, Polly,
 * Spring Retry, tenacity, a hand-written loop) log each retry at WARN with the exception of the
 * attempt that failed — a read timeout, a 503, a connection reset — and then log that the retry
 * succeeded. The caller got its answer; the retry is the design working, not a failure, so such
 * lines count as no error and no dependency failure. A retry announced and never followed by its
 * success (still retrying, or given up: "exhausted", "giving up", "recorded a failed retry
 * attempt") still counts, and so does any other line naming the exception. A connection the client
 * warns was dropped (a reset) and says it reconnected to right after is ridden out the same way.
 */
import { splitRecords } from './client-abort.js';

/** A line saying a retried call ended in success (Resilience4j's onSuccess event, the usual wordings). */
const RETRY_SUCCEEDED = /\brecorded a successful retry attempt\b|\bretry (?:attempt )?succeeded\b|\bsucceeded (?:after|on) (?:\d+ )?(?:retr(?:y|ies)|attempts?)\b|\bsucceeded on (?:the )?(?:\w+ )?(?:retry|attempt(?: \d+)?)\b|\bsuccessful (?:after|on) (?:\d+ )?retr(?:y|ies)\b/i;
/** A line announcing a retry of a failed attempt (Resilience4j's onRetry, "retrying", "will retry", "attempt 1 of 3 failed"). */
const RETRY_ANNOUNCED = /\bRetry '[^']+', waiting \S+ until attempt\b|\bretrying\b|\bwill retry\b|\battempt \d+ (?:of|\/) ?\d+ failed\b/i;
/** Words of a retry that did not end well, whatever else the line says. */
const GAVE_UP = /\bgiving up\b|\bgave up\b|\bexhausted\b|\brecorded a failed retry attempt\b|\bmax(?:imum)? (?:retr(?:y|ies)|attempts) (?:reached|exceeded)\b|\ball \d+ attempts failed\b/i;
/** A connection the client dropped or had dropped under it (a reset, a closed socket). */
const CONNECTION_DROPPED = /\bconnection reset\b|\breset by peer\b|\bECONNRESET\b|\bsocket (?:exception|error|closed)\b|\bconnection (?:closed|lost|dropped|aborted)\b|\bbroken pipe\b/i;
/** Logged as a warning, not an error: the client expects to ride it out. */
const WARN_LEVEL = /\bWARN(?:ING)?\b|"(?:level|severity)"\s*:\s*"warn/i;
const ERROR_LEVEL = /\b(?:ERROR|FATAL|CRITICAL|SEVERE)\b|"(?:level|severity)"\s*:\s*"(?:error|fatal|critical)/i;
/** The client saying its connection is back: "reconnected to host (attempt 2)", "connection re-established". */
const RECONNECTED = /\breconnected\b|\b(?:connection|session) (?:re-?established|restored|recovered)\b|\bre-?established (?:the )?connection\b/i;
const NOT_BACK = /\bfail|\bunable\b|\bcould not\b|\bcannot\b/i;

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

/** A dropped connection the client warned of and reconnected right after: the drop was ridden out. */
function isReconnectedDrop(lines: readonly string[], from: number, head: string): boolean {
  if (!CONNECTION_DROPPED.test(head) || !WARN_LEVEL.test(head) || ERROR_LEVEL.test(head)) return false;
  for (const l of lines.slice(from, from + NEARBY_LINES)) {
    if (GAVE_UP.test(l) || ERROR_LEVEL.test(l)) return false;
    if (RECONNECTED.test(l) && !NOT_BACK.test(l)) return true;
  }
  return false;
}

/**
 * The indexes of the lines (with their stacks) of retries the log shows succeeding: the success
 * itself and the announcements it answers; and of dropped connections the client reconnected.
 */
export function listSucceededRetryLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of splitRecords(lines)) {
    const text = lines.slice(r.start, r.end).join('\n');
    const head = lines[r.start] ?? '';
    const absorbed = isRetrySucceeded(head) || (RETRY_ANNOUNCED.test(head) && !GAVE_UP.test(text) && isRetriedIntoSuccess(lines, r.end, text)) || isReconnectedDrop(lines, r.end, head);
    if (absorbed) for (let i = r.start; i < r.end; i++) out.add(i);
  }
  return out;
}
