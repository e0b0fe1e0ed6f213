/** One log line → whether it reports an error: read by the unexplained findings, the trigger's reading of log-only errors and a few analyzers. */
import { isRateLimitedCall } from './rate-limited-calls.js';
import { isUnknownKeyRejection } from './unknown-signing-key.js';
import { isSearchClusterFault } from './search-cluster-health.js';
import { isEtcdNoSpace } from './etcd-nospace.js';
import { isClientCredentialRejection } from './client-credential-rejection.js';
import { isClickHouseRefusal } from './clickhouse-refusal.js';
import { listClientAbortLines, listClientAbortRecords } from './client-abort.js';
import { listInboundTransportResetLines } from './inbound-transport-reset.js';
import { isDataLossLine } from './data-loss-line.js';
import { listIdempotentReplayLines } from './idempotent-replay.js';
import { listRetriedConflictLines } from './update-conflict-retry.js';
import { listSucceededRetryLines } from './retry-succeeded.js';
import { isWorkflowNondeterminism } from './workflow-nondeterminism.js';
import { isAliasWithoutWriteIndex } from './es-alias-write-index.js';
import { isEsPrivilegeRefusal } from './es-privilege-refusal.js';
import { isTelemetryExportFailure } from './telemetry-export-failure.js';
import { isMemoryLimiterRefusal } from './collector-memory-limiter.js';
import { isFlagDefaultFallback } from './flag-default-fallback.js';
import { CACHE_STORAGE_LINE } from './cache-storage.js';
import { isDotnetFailureHead, readDotnetRecordAt } from './dotnet-console-record.js';

const ERROR_LINE =
  /\b(ERROR|FATAL|PANIC|CRITICAL)\b|"level":"(error|fatal)"|"level":(50|60)\b|level=(error|fatal)|\bException\b|Traceback \(most recent call last\)|"level":"warn(ing)?"[^\n]*"(error|err)":"[^"]+"[^\n]*"status":(4(0[13]|29)|5\d\d)\b/;

/** klog (client-go, controllers) puts the severity in a one-letter prefix: `E1121 03:11:12.000311       1 file.go:147] …`. */
const KLOG_ERROR = /^[EF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w./-]+:\d+\]/;
/**
 * Redis' own format, `1:M 21 Nov 2026 03:12:40.123 # …`: `#` is its warning level, which also
 * carries ordinary notes ("Cluster state changed: ok") and boot advisories ("# WARNING …"), so only
 * a warning that reports a failure counts ("Cluster state changed: fail", "Error condition on socket").
 */
const REDIS_WARNING = /^\d+:[XCSM] \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d+ # (?!WARNING\b)/i;
const REDIS_FAILURE = /\b(fail(ed|ure)?|error|can't|cannot|unable|refused|denied|abort(ed|ing)?|MISCONF)\b/i;
/** A Redis Cluster refusing a command for its state (no master for some slots): a failed call, whatever level the client logs it at. */
const CLUSTER_DOWN_REPLY = /\bCLUSTERDOWN\b/;
/** A Kafka broker refusing a produce for its partition's shrunken ISR: the producer logs the code at WARN while it retries, yet the write fails. */
const NOT_ENOUGH_REPLICAS = /\bNOT_ENOUGH_REPLICAS(?:_AFTER_APPEND)?\b/;
/**
 * memcached's answer to a command it could not carry out (`SERVER_ERROR out of memory storing
 * object`, `SERVER_ERROR object too large for cache`): the write is lost, yet clients that carry
 * on without the cache log it at WARN. Its message is in lower case, unlike a status name such as
 * INTERNAL_SERVER_ERROR.
 */
const MEMCACHED_SERVER_ERROR = /\bSERVER_ERROR [a-z]/;
/** nginx's error log (`2026/11/21 02:51:07 [alert] 29#29: …`): its failure levels in lower case; [warn] and [notice] are not. */
const NGINX_ERROR = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(error|crit|alert|emerg)\] \d+#\d+:/;
/**
 * Elixir's Logger (`03:12:40.123 [error] …`, metadata such as `request_id=… ` before the level) and
 * Erlang's logger (`2026-11-21T03:12:40.123456+00:00 error: …`) write their level in lower case;
 * error and above (critical, alert, emergency) report a failure, warning and below do not.
 */
const BEAM_ERROR = /^(?:\d{4}-\d\d-\d\d[T ])?\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)? (?:[\w.]+=\S+ )*(?:\[(?:error|critical|alert|emergency)\] |(?:error|critical|alert|emergency): )/;
/** Erlang's own report header, `=ERROR REPORT==== 21-Nov-2026::03:12:40.123 ===`, and a distribution refusal, `** Connection attempt from node … rejected … **`, whatever level frames it. */
const ERLANG_REPORT = /^=(?:ERROR|CRASH|SUPERVISOR) REPORT====|\*\* Connection attempt from (?:disallowed )?node \S+ (?:rejected\b|\*\*)/;
/**
 * zap's console encoder (Go: the OpenTelemetry Collector, etcd, many operators) writes the level
 * in lower case as the second tab-separated field: `2026-11-21T03:11:12.000Z\terror\tcaller\tmsg`.
 */
const ZAP_CONSOLE_ERROR = /^\S+\t(error|dpanic|panic|fatal)\t/;
/**
 * zerolog's console writer (Go: Traefik v3 and others) writes a three-letter level after the time:
 * `2025-01-02T10:20:30Z ERR pkg/file.go:136 > error="…"` (or a kitchen time, `10:20AM ERR …`);
 * ERR, FTL and PNC report a failure, WRN and below do not.
 */
const ZEROLOG_CONSOLE_ERROR = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)|\d{1,2}:\d\d(?:AM|PM)) (?:ERR|FTL|PNC) /;
/** A JVM exception header line (`org.apache.kafka.common.errors.RecordTooLargeException: …`): a qualified class name ending in Exception or Error. */
const JVM_EXCEPTION_HEADER = /^\s*(?:Caused by: )?(?:[a-z_$][\w$]*\.){2,}[A-Z][\w$]*(?:Exception|Error)(?::|$)/;

/**
 * .NET's other formatters: systemd's syslog priority before `Category[EventId]` (`<3>` Error, `<2>`
 * Critical; `<4>` Warning and below are not), the JSON formatter's "LogLevel", Serilog's compact
 * JSON `@l` and its console template's three letters (`[03:12:40 ERR] …`).
 */
const DOTNET_FORMATTED_ERROR = /^<[0-3]>[\w.\x60]+\[\d+\]|"LogLevel":\s*"(?:Error|Critical)"|"@l":\s*"(?:Error|Fatal)"|^\[(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d(?:\.\d+)? (?:ERR|FTL)\] /;
/**
 * A .NET exception printed at the start of a line, as the runtime prints one nobody caught
 * (`Unhandled exception. System.InvalidOperationException: …`): its namespace is PascalCase, unlike
 * a JVM package. Indented, it is the body of a console record, whose header says how grave it is.
 */
const DOTNET_EXCEPTION_HEADER = /^(?:Unhandled exception\. )?(?:[A-Z]\w*\.)+[A-Z]\w*Exception(?: \((?:0x[\dA-Fa-f]+|-?\d+)\))?: \S/;

/** Each says whether a line reports an error its own way; a line is an error when one does. */
const ERROR_SIGNS: readonly ((line: string) => boolean)[] = [
  (l) => ERROR_LINE.test(l),
  (l) => KLOG_ERROR.test(l),
  (l) => JVM_EXCEPTION_HEADER.test(l),
  (l) => NGINX_ERROR.test(l),
  (l) => BEAM_ERROR.test(l),
  (l) => ERLANG_REPORT.test(l),
  (l) => ZAP_CONSOLE_ERROR.test(l),
  (l) => ZEROLOG_CONSOLE_ERROR.test(l),
  // .NET's console logger: a fail or crit header, its message and exception indented below it.
  isDotnetFailureHead,
  (l) => DOTNET_FORMATTED_ERROR.test(l),
  (l) => DOTNET_EXCEPTION_HEADER.test(l),
  isRedisFailure,
  (l) => CLUSTER_DOWN_REPLY.test(l),
  (l) => NOT_ENOUGH_REPLICAS.test(l),
  (l) => MEMCACHED_SERVER_ERROR.test(l),
  isRateLimitedCall,
  isUnknownKeyRejection,
  isSearchClusterFault,
  // etcd past its quota refuses every write ("mvcc: database space exceeded"); clients often log it at WARN.
  isEtcdNoSpace,
  // ClickHouse refusing inserts or queries for its own state (TOO_MANY_PARTS): writers log it at WARN while they retry.
  isClickHouseRefusal,
  // Data dropped or lost (a slow consumer's overflowed buffer, an exporter's full queue): logged at WARN or INFO, yet the data is gone.
  isDataLossLine,
  // A workflow task failing replay for a nondeterminism error (Temporal logs it at WARN): the workflow is stuck.
  isWorkflowNondeterminism,
  // A search alias without a write index refuses every write with 400; shippers log it at WARN and drop the event.
  isAliasWithoutWriteIndex,
  // A search write refused with 403 security_exception for the user's privileges: shippers log it at WARN and retry, nothing is indexed.
  isEsPrivilegeRefusal,
  // An OpenTelemetry Collector's memory_limiter refusing data (logged at WARN): every sender's telemetry is refused and dropped.
  isMemoryLimiterRefusal,
  // A cache that found no storage for a fetched object (Varnish's FetchError, logged as a field of an access line): its client got 503.
  (l) => CACHE_STORAGE_LINE.test(l),
];

/**
 * Whether a log line reports an error (any runtime's wording, level field or severity prefix), or
 * a call an outside API refused for its rate (429): HTTP clients log that at INFO or WARNING, yet
 * the request it served fails all the same. So do token validators refusing a token whose signing
 * key id the service does not know (the request gets 401, the line says WARN), and a search
 * cluster turning RED (or a primary shard left unassigned), which Elasticsearch and OpenSearch log
 * at WARN or INFO. A caller refused for its own expired or missing credential is a client error
 * (the 401 is the right answer), whatever level the validator logs it at; so is the app's own
 * telemetry SDK failing to export spans or metrics: telemetry is lost, requests are not; and so is
 * a flag evaluation falling back to its default for a flag the provider no longer has, logged at
 * WARN (flag-default-fallback.ts): the request is served with the default.
 */
export function isErrorLine(line: string): boolean {
  return !isClientCredentialRejection(line) && !isTelemetryExportFailure(line) && !isFlagDefaultFallback(line) && ERROR_SIGNS.some((sign) => sign(line));
}

/**
 * The error lines of one log tail, read as records: a line with the stack under it. A record of a
 * client hanging up mid-response (ClientAbortException, a broken pipe under the response's write:
 * client-abort.ts) is the caller's doing, logged at ERROR by the framework; its lines do not count.
 * Nor do a retry's idempotency key hitting its unique constraint when the log shows the retry
 * answered from the stored response (idempotent-replay.ts): the design working. Nor do a
 * controller's update conflicts (409, "the object has been modified") when the log shows the
 * request reconciled after them (update-conflict-retry.ts): optimistic concurrency working. Nor
 * do a call's retries the log shows succeeding (retry-succeeded.ts): the caller got its answer.
 * A .NET console record (dotnet-console-record.ts) is returned as one line, its header and message.
 */
export function listErrorLines(lines: readonly string[]): string[] {
  const aborts = listClientAbortLines(lines);
  const replays = listIdempotentReplayLines(lines);
  const conflicts = listRetriedConflictLines(lines);
  const retried = listSucceededRetryLines(lines);
  const inbound = listInboundTransportResetLines(lines);
  return lines.flatMap((l, i) => {
    if (aborts.has(i) || replays.has(i) || conflicts.has(i) || retried.has(i) || inbound.has(i) || !isErrorLine(l)) return [];
    // A .NET fail/crit header names only a level and a category: the record's message says why.
    return isDotnetFailureHead(l) ? [readDotnetRecordAt(lines, i).line] : [l];
  });
}

/** How many records of one log tail are clients hanging up mid-response (client-abort.ts) logged as errors. */
export function countClientAborts(lines: readonly string[]): number {
  return listClientAbortRecords(lines).filter((r) => r.some(isErrorLine)).length;
}

function isRedisFailure(line: string): boolean {
  const warning = REDIS_WARNING.exec(line);
  return warning !== null && REDIS_FAILURE.test(line.slice(warning[0].length));
}

/** An access-log line in the common or combined format: `10.0.14.22 - - [21/Nov/2026:03:13:42 +0000] "GET /checkout HTTP/1.1" 500 579 …`. */
const ACCESS_LOG_LINE = /^\S+ \S+ \S+ \[[^\]]+\] "[A-Z]+ \S+ HTTP\/[\d.]+" \d{3} /;

/** Whether a line records a request and its answer (a web server's access log): what was answered, never why. */
export function isAccessLogLine(line: string): boolean {
  return ACCESS_LOG_LINE.test(line.trim());
}
