// A caching proxy whose storage cannot hold what it fetches: Varnish's FetchError "Could not get
// storage" with the storage size its command line gives, the size of the failed fetches and the
// 503s its clients got.
import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const varnishd = container({ name: 'varnish', command: ['varnishd'], args: ['-F', '-a', ':8080', '-f', '/etc/varnish/default.vcl', '-s', 'malloc,256m', '-p', 'nuke_limit=50'] });
const ncsa = container({ name: 'varnishncsa', command: ['varnishncsa'], args: ['-b', '-c', '-F', '%{Varnish:side}x %h %t "%r" %s %b fetch_error="%{VSL:FetchError}x"'] });

/** varnishncsa lines: small objects served, big exports cut short by storage, their clients answered 503. */
function ncsaLog(failures: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    out.push(`c 10.0.36.91 [21/Nov/2026:03:0${i}:10 +0000] "GET http://api.internal/v1/accounts/me HTTP/1.1" 200 1877 hit fetch_error="-"`);
    if (i < failures) {
      out.push(
        `b 10.0.36.150 [21/Nov/2026:03:0${i}:11 +0000] "GET http://reports.internal/v1/reports/q${i}/export HTTP/1.1" 200 ${251_526_651 - i * 1000} - fetch_error="Could not get storage"`,
        `c 10.0.36.91 [21/Nov/2026:03:0${i}:12 +0000] "GET http://api.internal/v1/reports/q${i}/export HTTP/1.1" 503 282 miss fetch_error="-"`,
      );
    }
  }
  return out;
}

function scenario(failures: number): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [varnishd, ncsa] }));
  return baseEvidence({
    pods,
    logs: pods.flatMap((p) => [
      { pod: p.name, container: 'varnish', previous: false, lines: ['Debug: Child (19) Started', 'Info: Child (19) said SMA.s0: max size 256 MB.'] },
      { pod: p.name, container: 'varnishncsa', previous: false, lines: ncsaLog(failures) },
    ]),
  });
}

describe('a cache whose storage cannot hold what it fetches', () => {
  it('names the storage size from the command line, the size of the failed fetches and the 503s', () => {
    const [f, ...rest] = analyzeResourceExhaustion(scenario(4));
    expect(rest).toEqual([]);
    expect(f?.id).toBe('resource-exhaustion/cache-storage');
    expect(f?.title).toMatch(/storage/);
    expect(f?.title).toMatch(/-s malloc,256m/);
    expect(f?.title).toMatch(/252 MB/);
    expect(f?.title).toMatch(/8 client requests answered 503/);
    expect(f?.decisive).toMatch(/Could not get storage/);
    expect(f?.fix).toMatch(/storage/);
  });

  it('leads a problems verdict though every pod is ready', () => {
    const report = buildTriageReport(scenario(4), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/malloc,256m/);
    expect(report.headline).toMatch(/Could not get storage/);
  });

  it('counts the line as an error, and needs more than a stray one', () => {
    expect(isErrorLine(ncsaLog(1)[2] ?? '')).toBe(false);
    expect(isErrorLine(ncsaLog(1)[1] ?? '')).toBe(true);
    expect(analyzeResourceExhaustion(scenario(1))).toEqual([]);
    expect(analyzeResourceExhaustion(scenario(0))).toEqual([]);
  });
});
