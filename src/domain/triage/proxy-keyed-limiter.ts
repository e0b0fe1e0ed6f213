/**
 * The workload's own rate limiter keyed on the address of a proxy it does not trust. Behind a
 * load balancer or proxy tier every request arrives from the proxy's address; unless the framework
 * is told to trust that hop (Express `trust proxy`, a forwarded-headers setting), the limiter counts
 * all clients as that one address, and after the first requests of each window everyone is answered
 * 429. The limiter says so itself (express-rate-limit's ERR_ERL_UNEXPECTED_X_FORWARDED_FOR: the
 * X-Forwarded-For header is set while trust proxy is false), and its 429 answers all carry one
 * client address. Not an outside API's budget, and no number of replicas changes it.
 */
import type { LogEvidence } from './evidence.js';
import { RATE_LIMITED, MIN_RATE_LIMITED } from './rate-limited-calls.js';
import { readLineTime } from './request-silence.js';
import type { IsoTime } from './evidence.js';
import { earliest } from './time-span.js';

/** The limiter's (or framework's) own words: a forwarded header it ignores because the proxy is not trusted. */
export const UNTRUSTED_FORWARDED = /ERR_ERL_UNEXPECTED_X_FORWARDED_FOR|X-Forwarded-For'? header is set but[^\n]{0,40}'?trust proxy'? setting is false|trust[ _-]?proxy'?\s*(?:setting\s*)?(?:is\s*)?(?:false|disabled|not set)[^\n]{0,120}X-Forwarded-For/i;
/** The client address the request line names (`"ip":"10.0.1.2"`, `ip=10.0.1.2`). */
const CLIENT_IP = /(?:^|[\s{,])"?(?:ip|client[_-]?ip|remote[_-]?(?:addr|ip))"?\s*[=:]\s*"?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]*:[0-9a-f:]+)/i;

export interface ProxyKeyedLimiter {
  /** The limiter's warning about the forwarded header, as logged. */
  sign: { pod: string; line: string };
  /** The 429 answers in the same tails. */
  refused: number;
  pods: string[];
  /** The one client address every 429 carries, when they all carry the same. */
  address?: string;
  first?: IsoTime;
  quoted: string[];
}

export function findProxyKeyedLimiter(logs: readonly LogEvidence[]): ProxyKeyedLimiter | undefined {
  const current = logs.filter((l) => !l.previous);
  let sign: { pod: string; line: string } | undefined;
  for (const l of current) {
    const line = l.lines.find((x) => UNTRUSTED_FORWARDED.test(x));
    if (line !== undefined) { sign = { pod: l.pod, line: line.trim() }; break; }
  }
  if (sign === undefined) return undefined;
  const hits = current.flatMap((l) => l.lines.filter((x) => RATE_LIMITED.test(x) && !UNTRUSTED_FORWARDED.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (hits.length < MIN_RATE_LIMITED) return undefined;
  const addresses = new Set(hits.map((h) => CLIENT_IP.exec(h.line)?.[1]));
  const [only] = [...addresses];
  const first = earliest(hits.map((h) => readLineTime(h.line)));
  return {
    sign,
    refused: hits.length,
    pods: [...new Set(hits.map((h) => h.pod))],
    ...(addresses.size === 1 && only !== undefined ? { address: only } : {}),
    ...(first ? { first } : {}),
    quoted: hits.slice(-2).map((h) => `log ${h.pod}: ${h.line}`),
  };
}
