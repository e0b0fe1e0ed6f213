/**
 * Triage accuracy on the corpus (issue 8): every story of test/triage-corpus is triaged through
 * the real KubeCluster against the fake API server, and graded the way the corpus test does —
 * headline right (verdict and every headline expectation), facts right (every fact stated, no
 * wrong claim), both — with false all-clears counted apart. Also prints the triage time.
 *
 *   npx tsx bench/triage-corpus.ts            all stories
 *   npx tsx bench/triage-corpus.ts network    only stories whose id contains "network"
 *   VERBOSE=1 npx tsx bench/triage-corpus.ts  every headline, right or wrong
 */
import { explain, grade, runScenario } from '../test/triage-corpus/run-scenario.js';
import type { ScenarioRun } from '../test/triage-corpus/run-scenario.js';
import { CORPUS } from '../test/triage-corpus/scenarios/index.js';

const filter = process.argv[2];
const stories = CORPUS.filter((s) => filter === undefined || s.id.includes(filter));
const runs: ScenarioRun[] = [];
for (const s of stories) runs.push(await runScenario(s));

interface Tally {
  n: number;
  headline: number;
  facts: number;
  both: number;
  falseAllClear: number;
}

const empty = (): Tally => ({ n: 0, headline: 0, facts: 0, both: 0, falseAllClear: 0 });
const byClass = new Map<string, Tally>();
const total = empty();
for (const run of runs) {
  const g = grade(run);
  for (const t of [total, byClass.get(run.scenario.class) ?? byClass.set(run.scenario.class, empty()).get(run.scenario.class)!]) {
    t.n++;
    t.headline += Number(g.headline);
    t.facts += Number(g.facts);
    t.both += Number(g.both);
    t.falseAllClear += Number(g.falseAllClear);
  }
  if (!g.both) console.log(`${explain(run)}\n`);
  else if (process.env.VERBOSE) console.log(`ok ${run.scenario.id}: ${run.headline}\n`);
}

const pct = (k: number, n: number) => `${k}/${n} (${n === 0 ? 0 : Math.round((100 * k) / n)}%)`;
console.log('class        stories  headline right  facts right  both');
for (const [cls, t] of [...byClass.entries()].sort()) {
  console.log(`${cls.padEnd(12)} ${String(t.n).padStart(7)}  ${pct(t.headline, t.n).padStart(14)}  ${pct(t.facts, t.n).padStart(11)}  ${pct(t.both, t.n)}`);
}
const failing = runs.filter((r) => r.scenario.class !== 'healthy').length;
console.log(`corpus: ${total.n} stories (${failing} failures, ${total.n - failing} healthy controls)`);
console.log(`headline right ${pct(total.headline, total.n)}, facts right ${pct(total.facts, total.n)}, both ${pct(total.both, total.n)}, false all-clears ${total.falseAllClear}`);
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
console.log(`triage time (find + read + analyse, fake API on loopback): p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(ms[ms.length - 1] ?? 0).toFixed(0)} ms`);
