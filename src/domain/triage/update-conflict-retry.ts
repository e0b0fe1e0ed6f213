/**
 * The Kubernetes API server's optimistic-concurrency refusal: an update sent with a
 * resourceVersion that is no longer the object's latest gets 409 Conflict, "Operation cannot be
 * fulfilled on configmaps \"x\": the object has been modified; please apply your changes to the
 * latest version and try again". Every controller meets it — it updates through an informer cache
 * that has not yet seen its own previous write, or another writer got there first — and
 * controller-runtime logs it at ERROR as "Reconciler error" with a stack trace, then requeues the
 * request; the next reconcile reads the latest version and succeeds. Such a conflict is routine,
 * not a failure, once the log shows the same request reconciled successfully after it. A conflict
 * never followed by a success (a controller fighting another writer for ever) still counts, and so
 * does every other reconcile error (Forbidden, not found, a webhook's refusal).
 */
import { splitRecords } from './client-abort.js';
import { escapeRegExp } from '../text.js';

/** The API server's words for a stale resourceVersion (409 Conflict). */
const UPDATE_CONFLICT = /the object has been modified; please apply your changes to the latest version and try again/i;
/**
 * The request the record is about, as controller-runtime logs it: zap's JSON (`"name":"x"`,
 * `"request":"ns/x"`) or klog's structured text (`name="x"`, `request="ns/x"`).
 */
const REQUEST_KEYS = [/"name"\s*:\s*"([^"]+)"/, /\bname="?([\w.-]+)"?/, /"?request"?\s*[=:]\s*"(?:[\w.-]+\/)?([\w.-]+)"/];
/** A reconcile that went through. */
const SUCCEEDED = /\bin sync\b|\bsynced\b|\breconciled\b|\breconcil\w* (?:succeeded|successful|complete[d]?|done|finished)\b|\bsuccessfully\b|\bsucceeded\b|\bup[- ]to[- ]date\b|\bunchanged\b|\bno changes?\b|\bupdated\b|\bapplied\b/i;
/** Words of a line that is no success, whatever else it says. */
const NOT_SUCCESS = /\b(?:fail\w*|error\w*|retry\w*|requeu\w*|conflict\w*)\b|"level"\s*:\s*"(?:error|warn\w*)"|level=(?:error|warn\w*)/i;
/** How far after the conflict the successful reconcile of the same request is looked for. */
const ANSWER_WINDOW_LINES = 40;
/** With no request to follow, only a success right under the conflict counts. */
const NEARBY_LINES = 4;

export function isUpdateConflict(text: string): boolean {
  return UPDATE_CONFLICT.test(text);
}

/** Whether a line after the record reports the same request reconciled successfully. */
function isReconciledAfter(lines: readonly string[], from: number, record: string): boolean {
  const success = (l: string) => SUCCEEDED.test(l) && !NOT_SUCCESS.test(l);
  const key = REQUEST_KEYS.map((re) => re.exec(record)?.[1]).find((k): k is string => k !== undefined && k.length >= 2);
  if (key === undefined) return lines.slice(from, from + NEARBY_LINES).some(success);
  const same = new RegExp(`["=/]${escapeRegExp(key)}(?:["\\s,}]|$)`);
  return lines.slice(from, from + ANSWER_WINDOW_LINES).some((l) => same.test(l) && success(l));
}

function retriedConflictRecords(lines: readonly string[]): { start: number; end: number }[] {
  return splitRecords(lines).filter((r) => {
    const text = lines.slice(r.start, r.end).join('\n');
    return isUpdateConflict(text) && isReconciledAfter(lines, r.end, text);
  });
}

/** The indexes of the lines of update conflicts whose request the log shows reconciled after them. */
export function listRetriedConflictLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of retriedConflictRecords(lines)) for (let i = r.start; i < r.end; i++) out.add(i);
  return out;
}

/** How many update conflicts of one log tail were retried into a successful reconcile. */
export function countRetriedConflicts(lines: readonly string[]): number {
  return retriedConflictRecords(lines).length;
}
