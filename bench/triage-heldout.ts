/**
 * Held-out accuracy, rounds 3, 4, 5 and 6: stories written without reading the analysis code
 * (test/triage-corpus/heldout-3/stories.ts, heldout-4/stories.ts, heldout-5/stories.ts,
 * heldout-6/stories.ts), triaged
 * through the real KubeCluster against the fake API server and graded like the corpus — headline
 * right (verdict and every headline expectation), facts right (every fact stated, no wrong claim),
 * both — with false all-clears counted apart. Each round is graded and printed on its own.
 * A measurement, not a test: part of `npm run bench`, not of `npm test`; misses are expected.
 *
 *   npx tsx bench/triage-heldout.ts           all stories of every round
 *   npx tsx bench/triage-heldout.ts dns       only stories whose id contains "dns"
 *   npx tsx bench/triage-heldout.ts heldout4  only round 4
 *   npx tsx bench/triage-heldout.ts heldout5  only round 5
 *   npx tsx bench/triage-heldout.ts heldout6  only round 6
 *   VERBOSE=1 npx tsx bench/triage-heldout.ts every miss explained in full
 */
import { HOLDOUT_3_SCENARIOS } from '../test/triage-corpus/heldout-3/stories.js';
import { HOLDOUT_4_SCENARIOS } from '../test/triage-corpus/heldout-4/stories.js';
import { HOLDOUT_5_SCENARIOS } from '../test/triage-corpus/heldout-5/stories.js';
import { HOLDOUT_6_SCENARIOS } from '../test/triage-corpus/heldout-6/stories.js';
import type { CorpusScenario } from '../test/triage-corpus/scenario.js';
import { gradeStories } from './grade-stories.js';

const rounds: [string, readonly CorpusScenario[]][] = [
  ['held-out 3', HOLDOUT_3_SCENARIOS],
  ['held-out 4', HOLDOUT_4_SCENARIOS],
  ['held-out 5', HOLDOUT_5_SCENARIOS],
  ['held-out 6', HOLDOUT_6_SCENARIOS],
];
const filter = process.argv[2];
for (const [label, stories] of rounds) {
  // A round none of whose stories the filter selects is left out rather than printed empty.
  if (filter !== undefined && !stories.some((s) => s.id.includes(filter))) continue;
  console.log(`\n==== ${label} ====\n`);
  await gradeStories(stories, { label, listEach: true });
}
