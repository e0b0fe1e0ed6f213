// A service's own rate limiter refusing a client over its limit logs a 429 too — with the caller's
// key or address, its own request path and the status it returned. That is the service enforcing
// its limit (like any 4xx it answers a client), not an outside API refusing the workload: it is no
// error line and no refused call. A 429 the workload received from another host stays one.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { isOwnRateLimitAnswer } from '../../../src/domain/triage/own-rate-limit-answers.js';
import { findRateLimitedCalls } from '../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

const INBOUND = [
  'time=2026-11-21T03:13:41.500Z level=WARN msg="rate limit exceeded" key=ak_live_x9sc*** client_ip=185.220.101.41 path=/v1/prices?page=4297 limit=50/s burst=100 status=429 retry_after=1s',
  '{"level":"warn","ts":"2026-11-21T03:13:41Z","msg":"request throttled","remote_addr":"203.0.113.9","path":"/api/search","status":429}',
  '2026-11-21 03:13:41,500 WARNING [limiter] rate limit exceeded for key tenant-42 on GET /v2/orders',
  'INFO:     10.0.40.7:41234 - "POST /v1/validate HTTP/1.1" 429 Too Many Requests',
];
const OUTBOUND = [
  '2026-11-21 03:10:00,001 INFO [httpx] HTTP Request: POST https://api.partner.example/v2/verify "HTTP/1.1 429 Too Many Requests"',
  '2026-11-21 03:10:00,001 WARNING [app.partner] partner rejected POST /v2/verify: 429 Too Many Requests (Retry-After: 30)',
  '{"level":"warn","msg":"stripe: rate limit exceeded, retrying"}',
  '2026-11-21T03:10:00Z WARN c.a.p.RatesClient : received 429 from rates-api for path=/v1/rates status=429, backing off',
  '2026-11-21T03:10:00Z ERROR o.s.w.c.HttpClientErrorException$TooManyRequests: 429 Too Many Requests: client_ip=10.0.1.2 path=/v1/quote',
];

function scraperLog(podName: string): LogEvidence {
  const lines: string[] = [];
  for (let t = 20; t >= 0; t -= 0.1) {
    lines.push(`time=${minutesAgo(t)} level=INFO msg="request" method=GET path=/v1/products/2207 status=200 dur_ms=12 key=ak_live_7hq2***`);
    lines.push(`time=${minutesAgo(t - 0.01)} level=WARN msg="rate limit exceeded" key=ak_live_x9sc*** client_ip=185.220.101.40 path=/v1/products?page=8011 limit=50/s burst=100 status=429 retry_after=1s`);
  }
  return { pod: podName, container: 'app', previous: false, lines: lines.slice(-100) };
}

describe('429s the service\'s own rate limiter answers its callers', () => {
  it('are its own answers: the caller, its own path and the status it returned; a 429 received from another host is not', () => {
    for (const l of INBOUND) expect(isOwnRateLimitAnswer(l), l).toBe(true);
    for (const l of OUTBOUND) expect(isOwnRateLimitAnswer(l), l).toBe(false);
  });

  it('are no error lines and no refused calls; outbound refusals stay both', () => {
    for (const l of INBOUND) expect(isErrorLine(l), l).toBe(false);
    for (const l of OUTBOUND) expect(isErrorLine(l), l).toBe(true);
    const pods = [0, 1, 2].map((i) => pod(i));
    expect(findRateLimitedCalls(pods.map((p) => scraperLog(p.name)))).toBeUndefined();
  });

  it('leave a Ready service that limits one client healthy', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.map((p) => scraperLog(p.name)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).not.toMatch(/refused 429|rate budget/);
  });
});
