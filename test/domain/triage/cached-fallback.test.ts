// A background refresh (signing keys, rules, a config file) that fails and says it carries on with
// the copy it has, logged at WARN while every request the pods answer succeeds: degraded but
// serving, told as a note and never the headline of a problem. A fallback beside failing requests
// (401s, 5xx, any error line), logged at ERROR, or a failure that names no fallback still counts.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { isCachedFallbackLine } from '../../../src/domain/triage/cached-fallback.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const ts = (m: number): string => `2026-11-21T03:${String(m).padStart(2, '0')}:00.000Z`;
const request = (m: number, status = 200): string => `ts=${ts(m)} caller=http.go:112 level=info msg="request" method=GET path=/v1/orders status=${status} dur=12ms`;
const refreshFailed = (m: number, level = 'warn', msg = 'failed to refresh JWKS, using cached keys'): string =>
  `ts=${ts(m)} caller=keys.go:88 level=${level} msg="${msg}" issuer=https://idp.example.com/ err="Get \\"https://idp.example.com/.well-known/jwks.json\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" cached_keys=2`;

function evidenceWith(extra: (m: number) => string[], warn: (m: number) => string = refreshFailed) {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
  const logs = pods.map((p) => {
    const lines: string[] = [];
    for (let m = 0; m < 50; m += 2) {
      lines.push(request(m), ...extra(m));
      if (m % 12 === 4) lines.push(warn(m));
    }
    return { pod: p.name, container: 'app', previous: false, lines };
  });
  return baseEvidence({ pods, logs });
}

describe('a failed background refresh that fell back to its cached copy', () => {
  it('recognises the fallback wordings at WARN, and not at ERROR or without a fallback', () => {
    expect(isCachedFallbackLine(refreshFailed(1))).toBe(true);
    expect(isCachedFallbackLine('{"level":"warn","msg":"could not reload rules from http://rules.example.com/v2, keeping previous rules","error":"connection refused"}')).toBe(true);
    expect(isCachedFallbackLine('2026-11-21 03:11:15,600 WARNING catalog.sync fetch of price list failed (read timeout), serving stale copy from 03:01')).toBe(true);
    expect(isCachedFallbackLine(refreshFailed(1, 'error'))).toBe(false);
    expect(isCachedFallbackLine(refreshFailed(1, 'warn', 'failed to refresh JWKS'))).toBe(false);
  });

  it('leaves a ready service whose requests succeed healthy, with the fallback told as a note', () => {
    const r = buildTriageReport(evidenceWith(() => []), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/looks healthy.*Note: A background refresh from idp\.example\.com timed out/);
    const note = r.findings.find((f) => /cached copy/.test(f.title));
    expect(note?.severity).toBe('info');
    expect(note?.title).toMatch(/idp\.example\.com timed out/);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('stays a dependency failure when requests fail beside it, when logged at ERROR, or when no fallback is named', () => {
    expect(analyzeDependencyErrors(evidenceWith(() => []))).toEqual([]);
    const refused = evidenceWith((m) => (m % 6 === 0 ? [request(m, 401)] : []));
    expect(analyzeDependencyErrors(refused).map((f) => f.title).join('\n')).toMatch(/idp\.example\.com time out/);
    expect(buildTriageReport(refused, times).verdict).toBe('problems');
    const asError = evidenceWith(() => [], (m) => refreshFailed(m, 'error'));
    expect(buildTriageReport(asError, times).verdict).toBe('problems');
    const noFallback = evidenceWith(() => [], (m) => refreshFailed(m, 'warn', 'failed to refresh JWKS'));
    expect(analyzeDependencyErrors(noFallback).map((f) => f.title).join('\n')).toMatch(/idp\.example\.com time out/);
  });
});
