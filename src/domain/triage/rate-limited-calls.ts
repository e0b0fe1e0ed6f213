/**
 * Calls the workload makes that an outside API refuses for their rate: HTTP 429 Too Many Requests,
 * "rate limit exceeded", a throttling error. The pods stay Ready and pass their probes while the
 * API refuses them, so only their logs tell it; and the budget the API counts is its key's or
 * account's, which whatever else uses that key spends too. A 429 the workload answers to its own
 * callers (its access log, its own rate limiter naming the client) is not one of these.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { isOwnRateLimitAnswer } from './own-rate-limit-answers.js';
import { ES_REJECTED } from './es-write-rejection.js';
import { ES_CIRCUIT_BREAKER } from './es-circuit-breaker.js';
import { ES_INDEX_BLOCK } from './es-index-block.js';
import { readLineTime } from './request-silence.js';
import { earliest, latest } from './time-span.js';

/** The API's words for "over your rate": status 429 in its forms, the phrases SDKs log. */
export const RATE_LIMITED = /\b429 Too Many Requests\b|\bToo Many Requests\b|\bTooManyRequests\b|\brate[ _-]?limit(?:ed\b|[ _-]exceeded)|\bRate exceeded\b|\bThrottlingException\b|(?:"status(?:_?code|Code)?"\s*:\s*|\bstatus(?:_?code)?=)429\b|HTTP\/[\d.]+"?\s+429\b/i;
const URL_HOST = /\bhttps?:\/\/([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])(?::\d+)?/;
/** Its own answers of 5xx to its callers: what the refusals cost them. */
const SERVED_5XX = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/[\d.]+"\s+5\d\d\b/;
const RETRY_AFTER = /Retry-After["']?\s*[:=]\s*"?(\d+)/i;
const LIMIT = /X-?RateLimit-Limit["']?\s*[:=]\s*"?(\d+)/i;
const REMAINING = /X-?RateLimit-Remaining["']?\s*[:=]\s*"?(\d+)/i;
/** The stream a log store's refusal names as over its per-stream limit: `for stream '{app="web", …}'` (quotes may come escaped). */
const OVER_LIMIT_STREAM = /\bfor stream:?\s*'?(\{[^}]*\})/;

/** Below this many refused calls in the sampled tails, a 429 is a blip, not a finding. */
export const MIN_RATE_LIMITED = 5;

export interface RateLimitedCalls {
  /** The refused calls' lines, by pod. */
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The hosts the refused calls went to (from the URL in the line), most named first. */
  hosts: string[];
  first?: IsoTime;
  last?: IsoTime;
  /** The earliest stamped line of those tails: the refusals may have begun before it. */
  tailStart?: IsoTime;
  /** Requests the workload answered 5xx in the same tails. */
  served5xx: number;
  retryAfter?: string;
  limit?: string;
  remaining?: string;
  /** The stream the refusals name most as over the limit (a log store's per-stream limit): whose volume spends the budget. */
  overLimit?: string;
}

export function isRateLimitedCall(line: string): boolean {
  // Elasticsearch's circuit breaker answers 429 too: the cluster refusing for its heap, no API's budget (es-circuit-breaker.ts);
  // so does an index blocked read-only at the flood-stage disk watermark (es-index-block.ts).
  return RATE_LIMITED.test(line) && !isOwnRateLimitAnswer(line) && !ES_CIRCUIT_BREAKER.test(line) && !ES_INDEX_BLOCK.test(line);
}

/** The refused calls in the current logs, when there are enough of them to matter. */
export function findRateLimitedCalls(logs: readonly LogEvidence[]): RateLimitedCalls | undefined {
  // An in-cluster Elasticsearch rejecting bulks (its thread pool queue full) answers 429 too: its back-pressure, no API's budget.
  const current = logs.filter((l) => !l.previous && !l.lines.some((x) => ES_REJECTED.test(x)));
  const hits = current.flatMap((l) => l.lines.filter(isRateLimitedCall).map((line) => {
    const at = readLineTime(line);
    return { pod: l.pod, line: line.trim(), ...(at ? { at } : {}) };
  }));
  if (hits.length < MIN_RATE_LIMITED) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const tails = current.filter((l) => pods.includes(l.pod));
  const counts = new Map<string, number>();
  for (const h of hits) {
    const host = URL_HOST.exec(h.line)?.[1];
    if (host !== undefined) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const hosts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h);
  const pick = (re: RegExp) => [...hits].reverse().map((h) => re.exec(h.line)?.[1]).find((v) => v !== undefined);
  const first = earliest(hits.map((h) => h.at));
  const last = latest(hits.map((h) => h.at));
  const tailStart = earliest(tails.flatMap((l) => l.lines.slice(0, 5).map(readLineTime)));
  const retryAfter = pick(RETRY_AFTER);
  const limit = pick(LIMIT);
  const remaining = pick(REMAINING);
  const streams = new Map<string, number>();
  for (const h of hits) {
    const stream = OVER_LIMIT_STREAM.exec(h.line)?.[1]?.replace(/\\"/g, '"');
    if (stream !== undefined) streams.set(stream, (streams.get(stream) ?? 0) + 1);
  }
  const overLimit = [...streams.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    hits,
    pods,
    hosts,
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    ...(tailStart ? { tailStart } : {}),
    served5xx: tails.reduce((n, l) => n + l.lines.filter((x) => SERVED_5XX.test(x)).length, 0),
    ...(retryAfter ? { retryAfter } : {}),
    ...(limit ? { limit } : {}),
    ...(remaining ? { remaining } : {}),
    ...(overLimit ? { overLimit } : {}),
  };
}
