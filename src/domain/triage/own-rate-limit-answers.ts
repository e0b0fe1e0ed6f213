/**
 * A 429 the workload answers its own callers: its rate limiter refusing a client over the limit it
 * was configured with. The line names the caller (its key, address or user), the workload's own
 * request path and the status it returned — the service enforcing its limit, as with any 4xx it
 * answers a client, not a failure of it. A caller named by its id (a client id, a tenant) rather
 * than its address is the limiter's too when the line also gives the service's own path or the
 * limit it enforces ("(limit: 1MB/sec)", `limit_rps=25`). A 429 it received names instead the
 * host it called, the HTTP client's exception, or says it was received from someone.
 */

/** An access-log line of a request it served (`"POST /v1/x HTTP/1.1" 429`). */
const SERVED = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/[\d.]+"\s+\d{3}\b/;
/** The caller's identity as a field: its address or the key it presented. */
const CALLER_FIELD = /(?:^|[\s{,])"?(?:client[_-]?ip|client[_-]?addr(?:ess)?|remote[_-]?(?:addr|ip)|peer[_-]?addr|x[_-]forwarded[_-]for|caller[_-]?ip)"?\s*[=:]/i;
/** The limiter's own words naming whom it limits ("rate limit exceeded for key tenant-42"). */
const LIMITED_CALLER = /\brate[ _-]?limit(?:ed| exceeded)? (?:for|by) (?:the )?(?:api[ _-]?)?(?:key|client|ip|user|tenant|consumer|caller)\b/i;
/** The caller as the limiter keys it: its client id, tenant or consumer. */
const CALLER_ID = /(?:^|[\s{,])"?(?:client[_-]?id|tenant(?:[_-]?id)?|org[_-]?id|consumer(?:[_-]?id)?)"?\s*[=:]/i;
/** The limit it enforces, stated: "(limit: 1MB/sec)", `"limit_rps":25`, `limit=50/s`. */
const LIMIT_STATED = /\(limit:\s*[^)]+\)|(?:^|[\s{,])"?limit(?:[_-](?:rps|qps|rpm|rph))?"?\s*[=:]\s*"?\d/i;
/** Its own path and the status it gave, as fields of one line (`path=/v1/prices … status=429`). */
const OWN_PATH = /(?:^|[\s{,])"?(?:path|uri|route|request[_-]?uri)"?\s*[=:]\s*"?\//i;
const STATUS_FIELD = /(?:^|[\s{,])"?status(?:[_-]?code)?"?\s*[=:]\s*"?429\b/i;
/** What only a call the workload made says: the other host, the client's exception, "received 429 from", "server returned", a shipper's "error sending". */
const OUTBOUND = /\bhttps?:\/\/|\bserver returned\b|\berror sending\b|\b(?:received|got)\b[^\n]{0,30}\bfrom\b|\b(?:upstream|backend|remote[_-]?host)\s*[=:]|[\w$]*(?:Exception|Error)\b/;

export function isOwnRateLimitAnswer(line: string): boolean {
  if (OUTBOUND.test(line)) return false;
  if (CALLER_ID.test(line) && (OWN_PATH.test(line) || LIMIT_STATED.test(line))) return true;
  return SERVED.test(line) || CALLER_FIELD.test(line) || LIMITED_CALLER.test(line) || (OWN_PATH.test(line) && STATUS_FIELD.test(line));
}
