import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

const TIMEOUT = 'Readiness probe failed: Get "http://10.0.1.104:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
const TIGHT = { type: 'http' as const, path: '/ready', port: 8080, periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 1 };

/** Four running pods, two unready now; all four fail readiness by timeout now and then. */
function flapping(probe = TIGHT, readyNow = [true, false, true, false]): TriageEvidence {
  const pods = readyNow.map((ready, i) => pod(i, { ready, containers: [container({ ready, probes: { readiness: probe } })] }));
  return baseEvidence({
    pods,
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: TIMEOUT, count: 200, firstSeen: minutesAgo(44), lastSeen: minutesAgo(0.3) })),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['[2024-05-01T10:00:00.000+0000][info][gc] GC(48210) Pause Young (Normal) (G1 Evacuation Pause) 3890M->2410M(4096M) 1523.4ms'] })),
  });
}

describe('readiness timeouts under a probe that one slow answer fails', () => {
  it('names the tight probe settings and the GC pause as why pods flap out of the endpoints', () => {
    const f = analyzeReadinessProbes(flapping()).find((x) => x.id.startsWith('readiness-probe/app/'));
    expect(f?.id).toBe('readiness-probe/app/hair-trigger');
    expect(f?.title).toContain('periodSeconds 2, timeoutSeconds 1, failureThreshold 1');
    expect(f?.likelyCause).toMatch(/endpoints/);
    expect(f?.evidence.some((l) => l.includes('Pause Young'))).toBe(true);
    expect(f?.fix).toMatch(/^relax the readiness probe/);
  });

  it('keeps blaming the endpoint when no pod comes back ready (the app is really down)', () => {
    const f = analyzeReadinessProbes(flapping(TIGHT, [false, false, false, false]))[0];
    expect(f?.id).toBe('readiness-probe/app/timeout');
    expect(f?.title).not.toContain('failureThreshold');
  });

  it('keeps blaming the endpoint under a lenient probe', () => {
    const f = analyzeReadinessProbes(flapping({ ...TIGHT, failureThreshold: 3, timeoutSeconds: 3 })).find((x) => x.id.startsWith('readiness-probe/app/') && !x.id.endsWith('flapping'));
    expect(f?.id).toBe('readiness-probe/app/timeout');
  });
});
