import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../src/domain/triage/analyzers/signal-kill.js';
import { baseEvidence, container, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';

const MISSING = 'Liveness probe failed: cat: /tmp/healthy: No such file or directory';

/** A worker whose exec liveness probe reads a marker its own tmp sweep deletes after six hours. */
function swept(runSeconds: number): TriageEvidence {
  const probes = { liveness: { type: 'exec' as const, command: 'cat /tmp/healthy', initialDelaySeconds: 20, periodSeconds: 15, failureThreshold: 3 } };
  const app = container({ probes, env: [{ name: 'TMP_SWEEP_MAX_AGE_HOURS', value: '6' }], state: running(8), lastState: terminated(143, 'Error', 8.5, { runSeconds }), restartCount: 45 });
  const p = pod(0, { containers: [app] });
  return baseEvidence({
    pods: [p],
    events: [
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Warning', reason: 'Unhealthy', message: MISSING, firstSeen: minutesAgo(9), lastSeen: minutesAgo(8.6), count: 3 }),
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', firstSeen: minutesAgo(8.6), lastSeen: minutesAgo(8.6) }),
    ],
    logs: [{ pod: p.name, container: 'app', previous: true, lines: ['2026-11-21 03:04:36,000 INFO [renderer.janitor] swept /tmp: removed 29 entries older than 6h: [\'/tmp/healthy\', \'/tmp/a.pdf\']'] }],
  });
}

describe('an exec liveness marker deleted by a tmp sweep', () => {
  it('names the file, that it existed for hours, the sweep and its age limit, and advises a check outside the swept directory', () => {
    const f = analyzeSignalKills(swept(6 * 3600 + 60)).find((x) => x.kind === 'liveness-kill');
    expect(f?.title).toContain('it checks that /tmp/healthy exists, and the file is deleted ~6h 1m after each start');
    expect(f?.title).toContain('TMP_SWEEP_MAX_AGE_HOURS=6');
    expect(f?.likelyCause).toContain('swept /tmp');
    expect(f?.fix).toMatch(/outside \/tmp/);
    expect(`${f?.nextAction ?? ''} ${f?.fix ?? ''}`).not.toMatch(/initialDelaySeconds|timeoutSeconds/);
  });

  it('is not the reading when each run died right after start: the file was never there', () => {
    const f = analyzeSignalKills(swept(70)).find((x) => x.kind === 'liveness-kill');
    expect(f?.title ?? '').not.toMatch(/deleted/);
  });
});
