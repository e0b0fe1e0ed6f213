// The workers a pre-forking server's log says it started, and the CPU formula a count fits.
import { describe, expect, it } from 'vitest';
import { countWorkerStarts, fitCpuFormula } from '../../../src/domain/triage/worker-starts.js';

describe('countWorkerStarts', () => {
  it('counts distinct workers, a respawn of the same id once', () => {
    const lines = ['spawned uWSGI worker 1 (pid: 41, cores: 1)', 'spawned uWSGI worker 2 (pid: 42, cores: 1)', 'spawned uWSGI worker 2 (pid: 42, cores: 1)'];
    expect(countWorkerStarts(lines)).toEqual({ server: 'uWSGI', count: 2 });
  });

  it('reads the pool size from a Celery banner', () => {
    expect(countWorkerStarts(['- ** ---------- .> concurrency: 48 (prefork)'])).toEqual({ server: 'Celery', count: 48 });
  });

  it('names nothing for a log without worker starts', () => {
    expect(countWorkerStarts(['listening on :8080'])).toBeUndefined();
  });
});

describe('fitCpuFormula', () => {
  it('fits twice the CPUs plus one and projects it', () => {
    expect(fitCpuFormula(9, 4, 32)).toEqual({ formula: '2 × CPUs + 1', gives: 65 });
  });

  it('fits nothing for a count unrelated to the CPUs', () => {
    expect(fitCpuFormula(6, 4, 32)).toBeUndefined();
  });
});
