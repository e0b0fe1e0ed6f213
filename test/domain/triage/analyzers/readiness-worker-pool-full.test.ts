// httpd at its MaxRequestWorkers ("AH00161: server reached MaxRequestWorkers setting"): every worker
// is taken, so the readiness probe waits in the listen backlog and times out like any connection.
// The probe is right; the pool (and what holds its workers, keep-alive above all) is the cause.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseWorkerPoolFull } from '../../../../src/domain/triage/listen-queue.js';
import { readiness503Scenario } from '../scenarios/probes.js';

const TIMEOUT = 'Readiness probe failed: Get "http://10.0.1.104:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
const AH00161 = '[Sat Nov 21 02:40:00.000100 2026] [mpm_prefork:error] [pid 1:tid 140000000000001] AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting';
const MAX_CLIENTS = '[Sat Nov 21 02:40:00 2026] [error] server reached MaxClients setting, consider raising the MaxClients setting';

function withLog(line: string): TriageEvidence {
  const ev = readiness503Scenario(TIMEOUT);
  const served = '10.0.4.7 - - [21/Nov/2026:02:41:00 +0000] "GET /docs/ HTTP/1.1" 200 5120 "-" "curl/8.5.0"';
  return { ...ev, logs: ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [served, line] })) };
}

describe("a readiness probe timing out against httpd's exhausted worker pool", () => {
  it('reads the directive that caps the pool, MaxRequestWorkers or its old name MaxClients', () => {
    expect(parseWorkerPoolFull(AH00161)).toMatchObject({ setting: 'MaxRequestWorkers' });
    expect(parseWorkerPoolFull(MAX_CLIENTS)).toMatchObject({ setting: 'MaxClients' });
    expect(parseWorkerPoolFull('[Sat Nov 21 02:40:00 2026] [mpm_prefork:notice] AH00163: Apache/2.4.62 (Unix) configured -- resuming normal operations')).toBeUndefined();
  });

  it('names MaxRequestWorkers in the title and frees the workers (keep-alive) rather than relaxing the probe', () => {
    const [f] = analyzeReadinessProbes(withLog(AH00161));
    expect(f?.title).toMatch(/timeout on GET :8080\/ready — every worker is busy, app is at its MaxRequestWorkers \("AH00161: server reached MaxRequestWorkers setting/);
    expect(f?.fix).toMatch(/KeepAliveTimeout[^\n]*raise MaxRequestWorkers/);
    expect(f?.nextAction).toMatch(/^Fix the saturation/);
    expect(`${f?.nextAction ?? ''} ${f?.fix ?? ''}`).not.toMatch(/(increase|raise|lengthen) (the )?(readiness )?(probe'?s? )?timeout(Seconds)?/i);
    expect(analyzeReadinessProbes(withLog(MAX_CLIENTS))[0]?.title).toMatch(/at its MaxClients/);
  });

  it('says nothing of the pool when the probe is refused rather than timed out', () => {
    const ev = withLog(AH00161);
    const refused = readiness503Scenario('Readiness probe failed: Get "http://10.0.1.104:8080/ready": dial tcp 10.0.1.104:8080: connect: connection refused');
    expect(analyzeReadinessProbes({ ...refused, logs: ev.logs })[0]?.title).not.toMatch(/MaxRequestWorkers/);
  });
});
