/**
 * What a server's own log says about the requests it handles: lines that report one slow
 * request (`slow rpc`, `slow request`, "request took 1.2s" at warn level), and the request
 * counts its periodic stats lines carry (`"requests":38000`, `rpcs=41000`), and requests it
 * refused for load (`request shed`, `inflight limit reached`). Comparing these across pods shows
 * where the load goes, without metrics.
 */
import type { LogEvidence } from './evidence-pod.js';

/** One request reported slow, in the words servers and their interceptors use. */
const SLOW_REQUEST = /\bslow[ _-](?:rpc|request|call|query|response|handler)s?\b|\b(?:request|rpc|call|handler) took\b|\btook too long\b/i;
/** A line at warn level or above (JSON, logfmt, or a bracketed/uppercase level). */
const WARN_LEVEL = /"(?:level|severity|lvl)"\s*:\s*"(?:warn|warning|error|err)"|\b(?:level|lvl)=(?:warn|warning|error)\b|\b(?:WARN|WARNING|ERROR)\b|\[(?:warn|warning|error)\]/i;
/** One request the server itself refused for load: shed, over its in-flight/concurrency limit, overloaded. */
const SHED_REQUEST = /\b(?:request|load)[ _-]?shed(?:ding)?\b|\bshed(?:ding)?[ _-](?:request|load)s?\b|\b(?:inflight|in-flight|concurrency|max[ _-]?requests?) limit(?: \d+)? (?:reached|exceeded|hit)\b|\bserver (?:is )?overloaded\b/i;
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
  /** The largest request count a stats line reports; absent when no line carries one. */
  peakCount?: number;
}

export function measureRequestActivity(log: LogEvidence): RequestActivity {
  let slow = 0;
  let shed = 0;
  let newestSlow: string | undefined;
  let newestShed: string | undefined;
  let peakCount: number | undefined;
  for (const line of log.lines) {
    if (SLOW_REQUEST.test(line) && WARN_LEVEL.test(line)) (slow++, newestSlow = line);
    if (SHED_REQUEST.test(line) && WARN_LEVEL.test(line)) (shed++, newestShed = line);
    const m = REQUEST_COUNT.exec(line);
    if (m?.[1] !== undefined) peakCount = Math.max(peakCount ?? 0, Number(m[1]));
  }
  return { pod: log.pod, lines: log.lines.length, slow, shed, ...(newestSlow === undefined ? {} : { newestSlow }), ...(newestShed === undefined ? {} : { newestShed }), ...(peakCount === undefined ? {} : { peakCount }) };
}

/** Slow and shed lines together at or above this: the server logs more requests than it serves in time, not a blip. */
const OVERLOAD_LINES = 3;

/** Whether the log reports overload; undefined when it does not, else "2 slow requests, 1 shed" as a phrase. */
export function describeOverload(a: RequestActivity): string | undefined {
  if (a.slow + a.shed < OVERLOAD_LINES) return undefined;
  const parts = [
    ...(a.slow > 0 ? [`${a.slow} slow request${a.slow === 1 ? '' : 's'}`] : []),
    ...(a.shed > 0 ? [`${a.shed} request${a.shed === 1 ? '' : 's'} shed for load`] : []),
  ];
  return `${parts.join(', ')} in its last ${a.lines} log lines`;
}
