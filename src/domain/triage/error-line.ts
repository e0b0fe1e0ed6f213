/** One log line → whether it reports an error: read by the unexplained findings, the trigger's reading of log-only errors and a few analyzers. */
import { isRateLimitedCall } from './rate-limited-calls.js';
import { isSearchClusterFault } from './search-cluster-health.js';

const ERROR_LINE =
  /\b(ERROR|FATAL|PANIC|CRITICAL)\b|"level":"(error|fatal)"|"level":(50|60)\b|level=(error|fatal)|\bException\b|Traceback \(most recent call last\)|"level":"warn(ing)?"[^\n]*"(error|err)":"[^"]+"[^\n]*"status":(4(0[13]|29)|5\d\d)\b/;

/** klog (client-go, controllers) puts the severity in a one-letter prefix: `E1121 03:11:12.000311       1 file.go:147] …`. */
const KLOG_ERROR = /^[EF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w./-]+:\d+\]/;
/** A JVM exception header line (`org.apache.kafka.common.errors.RecordTooLargeException: …`): a qualified class name ending in Exception or Error. */
const JVM_EXCEPTION_HEADER = /^\s*(?:Caused by: )?(?:[a-z_$][\w$]*\.){2,}[A-Z][\w$]*(?:Exception|Error)(?::|$)/;

/**
 * Whether a log line reports an error (any runtime's wording, level field or severity prefix), or
 * a call an outside API refused for its rate (429): HTTP clients log that at INFO or WARNING, yet
 * the request it served fails all the same. So does a search cluster turning RED (or a primary shard
 * left unassigned), which Elasticsearch and OpenSearch log at WARN or INFO.
 */
export function isErrorLine(line: string): boolean {
  return ERROR_LINE.test(line) || KLOG_ERROR.test(line) || JVM_EXCEPTION_HEADER.test(line) || isRateLimitedCall(line) || isSearchClusterFault(line);
}
