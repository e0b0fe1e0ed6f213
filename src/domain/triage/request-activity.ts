/**
 * What a server's own log says about the requests it handles: lines that report one slow
 * request (`slow rpc`, `slow request`, "request took 1.2s" at warn level), and the request
 * counts its periodic stats lines carry (`"requests":38000`, `rpcs=41000`), requests it
 * refused for load (`request shed`, `inflight limit reached`), and requests it gave up on when
 * the caller's deadline passed while it still worked on them (`deadline exceeded while handling`,
 * a gRPC server interceptor's `"grpc.code":"DeadlineExceeded"`). Comparing these across pods shows
 * where the load goes, without metrics.
 */
import type { LogEvidence } from './evidence-pod.js';

/** One request reported slow, in the words servers and their interceptors use. */
const SLOW_REQUEST = /\bslow[ _-](?:rpc|request|call|query|response|handler)s?\b|\b(?:request|rpc|call|handler) took\b|\btook too long\b/i;
/** A line at warn level or above (JSON, logfmt, or a bracketed/uppercase level). */
const WARN_LEVEL = /"(?:level|severity|lvl)"\s*:\s*"(?:warn|warning|error|err)"|\b(?:level|lvl)=(?:warn|warning|error)\b|\b(?:WARN|WARNING|ERROR)\b|\[(?:warn|warning|error)\]/i;
/** One request the server itself refused for load: shed, over its in-flight/concurrency limit, overloaded. */
const SHED_REQUEST = /\b(?:request|load)[ _-]?shed(?:ding)?\b|\bshed(?:ding)?[ _-](?:request|load)s?\b|\b(?:inflight|in-flight|concurrency|max[ _-]?requests?) limit(?: \d+)? (?:reached|exceeded|hit)\b|\bserver (?:is )?overloaded\b/i;
/**
 * One request the server was still working on when its caller's deadline passed: a deadline
 * exceeded before or while it finished, a request/rpc/handler that timed out, or a gRPC server
 * interceptor's finished-call line with code DeadlineExceeded.
 */
const EXPIRED_REQUEST = /\bdeadline (?:exceeded|expired|passed) (?:before|while|during)\b|\b(?:request|rpc|handler)s? (?:deadline (?:exceeded|expired)|timed out|timeout)\b|\bhandler timeout\b|"grpc\.code"\s*:\s*"DeadlineExceeded"/i;
/**
 * What marks a deadline line as the server's own outbound call (a dial, a query, an upstream),
 * a dependency's trouble rather than a request it served late. A gRPC interceptor's
 * `grpc.component`/`span.kind` says client for outbound calls.
 */
const OUTBOUND_CALL = /\b(?:dial(?:ing|ed)?|connect(?:ing|ion)?|upstream|dependency|backend|quer(?:y|ies)|fetch(?:ing)?|calling|(?:request|call|rpc)s? to)\b|"(?:grpc\.component|span\.kind)"\s*:\s*"client"/i;
/** A stats line's request count over its window. */
const REQUEST_COUNT = /["']?\b(?:rpcs|requests|reqs|request_count|rpc_count|requests_handled|handled)["']?\s*[:=]\s*(\d+)\b/i;

export interface RequestActivity {
  pod: string;
  lines: number;
  /** Lines that report one slow request at warn level or above. */
  slow: number;
  /** The newest of them, as logged. */
  newestSlow?: string;
  /** Lines that report a request refused for load, at warn level or above. */
  shed: number;
  /** The newest of them, as logged. */
  newestShed?: string;
  /** Lines that report a request the server still worked on when its caller's deadline passed, at warn level or above. */
  expired: number;
  /** The newest of them, as logged. */
  newestExpired?: string;
  /** The largest request count a stats line reports; absent when no line carries one. */
  peakCount?: number;
}

export function measureRequestActivity(log: LogEvidence): RequestActivity {
  let slow = 0;
  let shed = 0;
  let newestSlow: string | undefined;
  let newestShed: string | undefined;
  let expired = 0;
  let newestExpired: string | undefined;
  let peakCount: number | undefined;
  for (const line of log.lines) {
    if (SLOW_REQUEST.test(line) && WARN_LEVEL.test(line)) (slow++, newestSlow = line);
    // A slow line that also names the deadline is one request, counted once.
    else if (EXPIRED_REQUEST.test(line) && !OUTBOUND_CALL.test(line) && WARN_LEVEL.test(line)) (expired++, newestExpired = line);
    if (SHED_REQUEST.test(line) && WARN_LEVEL.test(line)) (shed++, newestShed = line);
    const m = REQUEST_COUNT.exec(line);
    if (m?.[1] !== undefined) peakCount = Math.max(peakCount ?? 0, Number(m[1]));
  }
  return {
    pod: log.pod, lines: log.lines.length, slow, shed, expired,
    ...(newestSlow === undefined ? {} : { newestSlow }), ...(newestShed === undefined ? {} : { newestShed }), ...(newestExpired === undefined ? {} : { newestExpired }), ...(peakCount === undefined ? {} : { peakCount }) };
}

/** A log's requests served too late or not at all for load: slow, expired at their deadline, and shed lines. */
export function countStrained(a: RequestActivity): number {
  return a.slow + a.expired + a.shed;
}

/** Slow, expired and shed lines together at or above this: the server logs more requests than it serves in time, not a blip. */
const OVERLOAD_LINES = 3;

/** Whether the log reports overload; undefined when it does not, else "2 slow requests, 1 shed" as a phrase. */
export function describeOverload(a: RequestActivity): string | undefined {
  if (countStrained(a) < OVERLOAD_LINES) return undefined;
  const parts = [
    ...(a.slow > 0 ? [`${a.slow} slow request${a.slow === 1 ? '' : 's'}`] : []),
    ...(a.expired > 0 ? [`${a.expired} request${a.expired === 1 ? '' : 's'} past ${a.expired === 1 ? 'its' : 'their'} deadline`] : []),
    ...(a.shed > 0 ? [`${a.shed} request${a.shed === 1 ? '' : 's'} shed for load`] : []),
  ];
  return `${parts.join(', ')} in its last ${a.lines} log lines`;
}
