// An outside API refuses the workload's calls for their rate (429 Too Many Requests) while its pods
// stay Ready: that is a problem, never an all-clear. When a Job of the namespace ran during the
// refusals and takes the same Secret (the API key), it is named — with its CronJob's cadence — as
// what spends the key's budget, and the fix is the batch's own key or rate, not a rollback.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import type { ConfigRefEvidence } from '../../../src/domain/triage/evidence-config-refs.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { findRateLimitedCalls } from '../../../src/domain/triage/rate-limited-calls.js';
import { describeCadence, needsRateLimitJobs } from '../../../src/domain/triage/rate-limit-jobs.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { timesAsUtc } from '../../../src/domain/time-ref.js';
import { NS, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const py = (m: number): string => minutesAgo(m).replace('T', ' ').replace(/\.(\d{3})Z$/, ',$1');
const KEY = { name: 'PARTNER_API_KEY', ref: { kind: 'secret' as const, name: 'partner-api', key: 'api-key' } };

/** Calls refused 429 every 20 seconds over the last `minutes`, as an HTTP client and the app log them. */
function refusedLog(podName: string, minutes: number): LogEvidence {
  const lines: string[] = [];
  for (let t = minutes; t >= 0; t -= 1 / 3) {
    lines.push(
      `${py(t)} INFO [httpx] HTTP Request: POST https://api.partner.example/v2/verify "HTTP/1.1 429 Too Many Requests"`,
      `${py(t - 0.001)} WARNING [app.partner] partner rejected POST /v2/verify: 429 Too Many Requests (Retry-After: 30, X-RateLimit-Limit: 1200, X-RateLimit-Remaining: 0)`,
      `INFO:     10.0.40.7:41234 - "POST /v1/validate HTTP/1.1" 503 Service Unavailable`,
    );
  }
  return { pod: podName, container: 'app', previous: false, lines: lines.slice(-100) };
}

const run = (startedAgo: number, endedAgo: number | undefined, refs: ConfigRefEvidence[], owner = 'partner-backfill'): NamespaceJobEvidence => ({
  name: `${owner}-${29920000 + startedAgo}`,
  owner: { kind: 'CronJob', name: owner },
  createdAt: minutesAgo(startedAgo),
  ...(endedAgo === undefined ? {} : { finishedAt: minutesAgo(endedAgo) }),
  state: endedAgo === undefined ? 'running' : 'complete',
  configRefs: refs,
});

const SAME_KEY: ConfigRefEvidence[] = [{ kind: 'secret', name: 'partner-api', key: 'api-key', via: 'PARTNER_API_KEY' }, { kind: 'secret', name: 'other-db', key: 'url', via: 'DATABASE_URL' }];

// NOW is 03:14 UTC: runs 134, 74 and 14 minutes ago started at 01:00, 02:00 and 03:00.
function scenario(jobs: NamespaceJobEvidence[] | undefined) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: [KEY, { name: 'PARTNER_BASE_URL', value: 'https://api.partner.example/v2' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => refusedLog(p.name, 11)),
    ...(jobs ? { namespaceJobs: { jobs, complete: true } } : {}),
  });
}

describe('calls an outside API refuses for their rate', () => {
  it('count as error lines, at INFO as well as WARNING; a 429 the workload answers its own callers does not', () => {
    expect(isErrorLine('2026-11-21 03:10:00,001 INFO [httpx] HTTP Request: POST https://api.partner.example/v2/verify "HTTP/1.1 429 Too Many Requests"')).toBe(true);
    expect(isErrorLine('2026-11-21 03:10:00,001 WARNING [app.partner] partner rejected POST /v2/verify: 429 Too Many Requests (Retry-After: 30)')).toBe(true);
    expect(isErrorLine('{"level":"warn","msg":"stripe: rate limit exceeded, retrying"}')).toBe(true);
    expect(isErrorLine('INFO:     10.0.40.7:41234 - "POST /v1/validate HTTP/1.1" 429 Too Many Requests')).toBe(false);
    expect(isErrorLine('2026-11-21 03:10:00,001 INFO rate limiter configured: 100 rps per client')).toBe(false);
  });

  it('are found with the host they went to and the answers the workload gave meanwhile', () => {
    const calls = findRateLimitedCalls(scenario(undefined).logs);
    expect(calls?.hosts).toEqual(['api.partner.example']);
    expect(calls?.pods).toHaveLength(2);
    expect(calls?.served5xx).toBeGreaterThan(0);
  });

  it('are a problem, never an all-clear, even when no Job is there to blame', () => {
    const r = buildTriageReport(scenario(undefined), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^payment-service's calls to api\.partner\.example are refused 429 Too Many Requests/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo/);
  });

  it('name the CronJob whose Jobs run during the refusals on the same Secret, with its cadence, and no rollback', () => {
    const r = buildTriageReport(scenario([run(134, 122, SAME_KEY), run(74, 63, SAME_KEY), run(14, undefined, SAME_KEY)]), times);
    const headline = timesAsUtc(r.headline);
    expect(headline).toMatch(/while CronJob partner-backfill runs on the same Secret partner-api \(PARTNER_API_KEY\)/);
    expect(headline).toMatch(/every hour, on the hour \(3 runs since 01:00 UTC\), the newest still running/);
    expect(headline).toMatch(/own API key|throttle/);
    expect(headline).toMatch(/suspend CronJob partner-backfill/);
    expect(headline).not.toMatch(/Roll back|rollout undo|what ran just before/);
    expect(headline).not.toMatch(/other-db/);
    // The suspend command is pasted as is: the workload's namespace and context filled in.
    expect(r.findings.find((f) => f.kind === 'rate-limited')?.nextAction).toContain(`kubectl patch cronjob partner-backfill -p '{"spec":{"suspend":true}}' -n ${NS}`);
  });

  it('do not blame a Job on another Secret, nor one that did not run while the calls were refused', () => {
    const other: ConfigRefEvidence[] = [{ kind: 'secret', name: 'other-api', key: 'api-key', via: 'OTHER_API_KEY' }];
    for (const jobs of [[run(14, undefined, other)], [run(134, 122, SAME_KEY), run(74, 63, SAME_KEY)]]) {
      const r = buildTriageReport(scenario(jobs), times);
      expect(r.verdict).toBe('problems');
      expect(r.headline).not.toMatch(/partner-backfill runs on the same/);
    }
  });

  it('make the namespace\'s Jobs worth one list; clean logs and a CronJob target do not', () => {
    const ev = scenario(undefined);
    expect(needsRateLimitJobs(ev.target, ev.logs)).toBe(true);
    expect(needsRateLimitJobs(ev.target, [])).toBe(false);
    expect(needsRateLimitJobs({ kind: 'CronJob' }, ev.logs)).toBe(false);
  });
});

describe('the cadence of a CronJob\'s runs', () => {
  it('is told when the starts keep one spacing, and not otherwise', () => {
    expect(timesAsUtc(describeCadence([run(134, 122, []), run(74, 63, []), run(14, undefined, [])]) ?? '')).toBe('every hour, on the hour (3 runs since 01:00 UTC)');
    expect(describeCadence([run(134, 122, []), run(50, 40, []), run(14, undefined, [])])).toBeUndefined();
    expect(describeCadence([run(14, undefined, [])])).toBeUndefined();
  });
});
