/**
 * Grades triage stories the way the corpus test does — headline right (verdict and every headline
 * expectation), facts right (every fact stated, no wrong claim), both — with false all-clears
 * counted apart, and prints the tally per failure class. Shared by bench/triage-corpus.ts and
 * bench/triage-heldout.ts.
 */
import { explain, grade, runScenario } from '../test/triage-corpus/run-scenario.js';
import type { ScenarioRun } from '../test/triage-corpus/run-scenario.js';
import type { CorpusScenario } from '../test/triage-corpus/scenario.js';

interface Tally {
  n: number;
  headline: number;
  facts: number;
  both: number;
  falseAllClear: number;
}

/** Runs and grades `stories` (those whose id contains argv[2], if given); returns the runs. */
export async function gradeStories(all: readonly CorpusScenario[], opts: { label: string; listEach: boolean }): Promise<ScenarioRun[]> {
  const filter = process.argv[2];
  const runs: ScenarioRun[] = [];
  for (const s of all.filter((s) => filter === undefined || s.id.includes(filter))) runs.push(await runScenario(s));

  const empty = (): Tally => ({ n: 0, headline: 0, facts: 0, both: 0, falseAllClear: 0 });
  const byClass = new Map<string, Tally>();
  const total = empty();
  const misses: ScenarioRun[] = [];
  for (const run of runs) {
    const g = grade(run);
    for (const t of [total, byClass.get(run.scenario.class) ?? byClass.set(run.scenario.class, empty()).get(run.scenario.class)!]) {
      t.n++;
      t.headline += Number(g.headline);
      t.facts += Number(g.facts);
      t.both += Number(g.both);
      t.falseAllClear += Number(g.falseAllClear);
    }
    if (opts.listEach) {
      const mark = g.both ? 'ok  ' : `miss${g.headline ? '' : ' H'}${g.facts ? '' : ' F'}${g.falseAllClear ? ' ALL-CLEAR' : ''}`;
      console.log(`${mark.padEnd(16)} ${run.scenario.id}\n                 ${run.headline}`);
    } else if (g.both && process.env.VERBOSE) console.log(`ok ${run.scenario.id}: ${run.headline}\n`);
    if (!g.both) misses.push(run);
  }
  if (misses.length > 0) {
    if (opts.listEach) console.log('\nmisses:\n');
    for (const run of misses) console.log(`${explain(run)}\n`);
  }

  const pct = (k: number, n: number) => `${k}/${n} (${n === 0 ? 0 : Math.round((100 * k) / n)}%)`;
  console.log('class        stories  headline right  facts right  both');
  for (const [cls, t] of [...byClass.entries()].sort()) {
    console.log(`${cls.padEnd(12)} ${String(t.n).padStart(7)}  ${pct(t.headline, t.n).padStart(14)}  ${pct(t.facts, t.n).padStart(11)}  ${pct(t.both, t.n)}`);
  }
  const failing = runs.filter((r) => r.scenario.class !== 'healthy').length;
  console.log(`${opts.label}: ${total.n} stories (${failing} failures, ${total.n - failing} healthy controls)`);
  console.log(`headline right ${pct(total.headline, total.n)}, facts right ${pct(total.facts, total.n)}, both ${pct(total.both, total.n)}, false all-clears ${total.falseAllClear}`);
  return runs;
}
