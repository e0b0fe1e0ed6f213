/**
 * A client retrying with the same idempotency key: the service's insert of the key hits its unique
 * constraint (Postgres 23505, MySQL 1062, MongoDB E11000, SQL Server, SQLite), the driver or ORM
 * logs that at ERROR, and the service answers the retry with the response it stored the first time
 * (a replay, a 2xx). That is the idempotency design working, not a failure of the service: such a
 * record counts as no error line once the log shows the same key (or request id) answered 2xx.
 * A violation whose key is never answered, or answered with an error, still counts.
 *
 * The violation spans lines (Postgres' "Detail: Key (idempotency_key)=(…) already exists." sits
 * under the logged line), so the log is read in records like client-abort.ts does.
 */
import { splitRecords } from './client-abort.js';

/** A unique-constraint violation, each engine's wording. */
const UNIQUE_VIOLATION = /duplicate key value violates unique constraint|\bDuplicate entry '[^']*' for key\b|\bE11000 duplicate key\b|Cannot insert duplicate key|Violation of (?:PRIMARY KEY|UNIQUE KEY) constraint|UNIQUE constraint failed|\bSQLState: 23505\b|\bUniqueViolation\b/i;
/** The constraint, index or column names an idempotency or de-duplication key. */
const IDEMPOTENCY_NAME = /idempoten|dedup|request[_-]?id|requestid/i;
/** The key's value, as each engine quotes it. */
const KEY_VALUES = [
  /\bKey \([^)]*\)=\(([^)]+)\) already exists/i,
  /\bDuplicate entry '([^']+)' for key\b/i,
  /\bdup key: \{ ?[\w.]+: "?([^"}\s]+)"? ?\}/i,
  /\bThe duplicate key value is \(([^)]+)\)/i,
];
/** A request id the record carries as a field (`request_id=…`, `"requestId":"…"`). */
const REQUEST_ID = /"?(?:request[_-]?id|req[_-]?id|x-request-id)"?\s*[=:]\s*"?([\w-]{8,})/i;
/** The service answering a retry from what it stored. */
const REPLAYED = /\breplay(?:ed|ing)?\b|\breplay\s*[=:]\s*"?true\b|\b(?:stored|cached|original|previous|saved) response\b|\balready (?:recorded|processed|handled|seen|completed)\b/i;
/** An answer with a 2xx status (`201`, `status=200`, `"status":202`). */
const SUCCESS_STATUS = /(?:\bstatus(?:[_-]?code)?"?\s*[=:]\s*"?|\bresponse |HTTP\/[\d.]+"? |\s)2\d\d\b(?!\.\d)/i;
/** An answer that failed. */
const FAILED_STATUS = /(?:\bstatus(?:[_-]?code)?"?\s*[=:]\s*"?|\bresponse |HTTP\/[\d.]+"? )5\d\d\b/i;
/** How far after the violation the answer to the retry is looked for. */
const ANSWER_WINDOW_LINES = 30;
/** With no key or id to follow, only an answer right under the violation counts. */
const NEARBY_LINES = 6;

/** Whether one record (a line and the lines under it) is a unique violation on an idempotency key. */
/** A unique index or constraint refused an insert (any of the stores UNIQUE_VIOLATION names). */
export function isUniqueViolation(text: string): boolean {
  return UNIQUE_VIOLATION.test(text);
}

export function isIdempotencyKeyViolation(text: string): boolean {
  return UNIQUE_VIOLATION.test(text) && IDEMPOTENCY_NAME.test(text);
}

/** The indexes of the lines of idempotency-key violations whose retry the log shows answered 2xx. */
export function listIdempotentReplayLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of splitRecords(lines)) {
    const text = lines.slice(r.start, r.end).join('\n');
    if (!isIdempotencyKeyViolation(text) || !isAnsweredAfter(lines, r.end, text)) continue;
    for (let i = r.start; i < r.end; i++) out.add(i);
  }
  return out;
}

/** How many idempotency-key violations of one log tail were retries answered from the stored response. */
export function countIdempotentReplays(lines: readonly string[]): number {
  return splitRecords(lines).filter((r) => {
    const text = lines.slice(r.start, r.end).join('\n');
    return isIdempotencyKeyViolation(text) && isAnsweredAfter(lines, r.end, text);
  }).length;
}

/** Whether a line after the record answers the same key or request id with a replay or a 2xx, and none with a 5xx. */
function isAnsweredAfter(lines: readonly string[], from: number, record: string): boolean {
  const ids = [...KEY_VALUES.map((re) => re.exec(record)?.[1]), REQUEST_ID.exec(record)?.[1]].filter((v): v is string => v !== undefined && v.length >= 4);
  if (ids.length === 0) return lines.slice(from, from + NEARBY_LINES).some((l) => REPLAYED.test(l) && SUCCESS_STATUS.test(l));
  const answers = lines.slice(from, from + ANSWER_WINDOW_LINES).filter((l) => ids.some((id) => l.includes(id)));
  return answers.some((l) => REPLAYED.test(l) || SUCCESS_STATUS.test(l)) && !answers.some((l) => FAILED_STATUS.test(l));
}
