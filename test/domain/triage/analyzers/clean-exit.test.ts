import { describe, expect, it } from 'vitest';
import { analyzeCleanExits } from '../../../../src/domain/triage/analyzers/clean-exit.js';
import { NS, baseEvidence, container, event, minutesAgo, pod, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeCleanExits', () => {
  it('reports a Deployment container that exits 0 and is restarted', () => {
    const [f] = analyzeCleanExits(crashScenario(5, () => terminated(0, 'Completed', 1, { runSeconds: 3 }), { restarts: 12 }));
    expect(f?.title).toBe('Container app exits with code 0 and is restarted (5/5 pods, 60 restarts)');
    expect(f?.severity).toBe('critical');
    expect(f?.likelyCause).toContain('Job');
  });

  it('leaves an exit 0 just after a liveness kill to the probe reading: the app shut down on SIGTERM', () => {
    const ev = crashScenario(2, () => terminated(0, 'Completed', 3), { restarts: 8 });
    ev.events = ev.pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 8, firstSeen: minutesAgo(30), lastSeen: minutesAgo(3.5) }));
    expect(analyzeCleanExits(ev)).toEqual([]);
  });

  it('ignores init containers, which are meant to exit 0', () => {
    const init = container({ name: 'migrate', state: terminated(0, 'Completed', 60 * 24), restartCount: 0, ready: false });
    const ev = baseEvidence({ pods: [pod(0, { initContainers: [init] })] });
    expect(analyzeCleanExits(ev)).toEqual([]);
  });

  it('ignores a clean exit from long ago and healthy workloads', () => {
    const old = baseEvidence({ pods: [pod(0, { containers: [container({ restartCount: 1, lastState: terminated(0, 'Completed', 3 * 24 * 60) })] })] });
    expect(analyzeCleanExits(old)).toEqual([]);
    expect(analyzeCleanExits(healthyScenario())).toEqual([]);
  });
});
