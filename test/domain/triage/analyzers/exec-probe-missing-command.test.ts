import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { crashScenario } from '../scenarios/crashes.js';
import { NS, event, minutesAgo, terminated } from '../scenarios/builders.js';

/** An app that exits 1 on the kubelet's SIGTERM, killed by a liveness probe whose exec command is not in the image. */
function execProbeCannotRun() {
  const ev = crashScenario(3, (i) => terminated(1, 'Error', 3 + i * 0.5, { runSeconds: 41 }));
  const errored = 'Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "0a1b2c": OCI runtime exec failed: exec failed: unable to start container process: exec: "health-check-tool": executable file not found in $PATH: unknown';
  const probeEvents = ev.pods.slice(0, 3).flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: errored, count: 21, firstSeen: minutesAgo(30), lastSeen: minutesAgo(3) }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 7, firstSeen: minutesAgo(30), lastSeen: minutesAgo(3) }),
  ]);
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { liveness: { type: 'exec' as const, command: 'health-check-tool -addr=:7000', periodSeconds: 10, failureThreshold: 3 } } })) }));
  ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['{"level":"info","msg":"received signal, shutting down"}', '{"level":"fatal","msg":"graceful stop interrupted"}'] }));
  return { ...ev, events: [...ev.events, ...probeEvents] };
}

describe('a liveness probe whose exec command is not in the image, killing an app that exits 1 on SIGTERM', () => {
  it('reads the exit after the probe kill as the probe\'s kill, naming the missing command', () => {
    const ev = execProbeCannotRun();
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toContain('Liveness probe is killing container app (3/5 pods, exit 1)');
    expect(f?.title).toContain('its exec command health-check-tool is not in the image');
    expect(f?.decisive).toContain('exec: "health-check-tool": executable file not found in $PATH');
    expect(f?.fix).toMatch(/put health-check-tool back in the image/);
  });

  it('leaves the exit code to the probe kill, not to the app\'s shutdown line', () => {
    const ev = execProbeCannotRun();
    expect(analyzeExitCodes(ev).filter((f) => (f.affected?.pods ?? []).length > 0)).toEqual([]);
  });

  it('still reads an exit 1 with no probe kill beside it as the app\'s own error', () => {
    const ev = execProbeCannotRun();
    ev.events = ev.events.filter((e) => e.reason !== 'Killing');
    expect(analyzeSignalKills(ev)).toEqual([]);
    expect(analyzeExitCodes(ev)[0]?.title).toContain('exits with code 1');
  });
});
