// The triage corpus: realistic failure stories (and healthy controls), each triaged through the
// real KubeCluster against the fake API server. Each asserts that the headline names the true
// cause, that the key facts are stated, and that no plausible wrong claim is made.
import { describe, expect, it } from 'vitest';
import { explain, runScenario } from './run-scenario.js';
import { CORPUS } from './scenarios/index.js';

describe('triage corpus', () => {
  it('has unique scenario ids', () => {
    const ids = CORPUS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('files every healthy control, and only those, under class healthy', () => {
    const misfiled = CORPUS.filter((s) => (s.class === 'healthy') !== (s.expect.verdict === 'healthy')).map((s) => s.id);
    expect(misfiled).toEqual([]);
  });

  for (const scenario of CORPUS) {
    it(`${scenario.class}: ${scenario.id}`, async () => {
      const run = await runScenario(scenario);
      const problems = !run.verdictOk || run.headlineMisses.length > 0 || run.factMisses.length > 0 || run.wrongClaims.length > 0;
      expect(problems ? explain(run) : '').toBe('');
    });
  }
});
