import { describe, expect, it } from 'vitest';
import { analyzeCleanExits } from '../../../../src/domain/triage/analyzers/clean-exit.js';
import { baseEvidence, container, pod, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeCleanExits', () => {
  it('reports a Deployment container that exits 0 and is restarted', () => {
    const [f] = analyzeCleanExits(crashScenario(5, () => terminated(0, 'Completed', 1, { runSeconds: 3 }), { restarts: 12 }));
    expect(f?.title).toBe('Container app exits with code 0 and is restarted (5/5 pods, 60 restarts)');
    expect(f?.severity).toBe('critical');
    expect(f?.likelyCause).toContain('Job');
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
