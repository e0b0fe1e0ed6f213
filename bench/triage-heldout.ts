/**
 * Held-out accuracy: a round of stories written without reading the analysis code
 * (test/triage-corpus/heldout-N/stories.ts), triaged through the real KubeCluster against the fake
 * API server and graded like the corpus — headline right (verdict and every headline
 * expectation), facts right (every fact stated, no wrong claim), both — with false all-clears
 * counted apart. Grade a round on the code as it stands before fixing anything for it, record
 * the figures (docs/benchmarks.md), fix its misses in general, then move it into the corpus
 * (test/triage-corpus/scenarios/index.ts) and out of PENDING. See test/triage-corpus/README.md.
 * A measurement, not a test: part of `npm run bench`, not of `npm test`.
 *
 *   npx tsx bench/triage-heldout.ts           every pending round
 *   npx tsx bench/triage-heldout.ts dns       only stories whose id contains "dns"
 *   VERBOSE=1 npx tsx bench/triage-heldout.ts every miss explained in full
 */
import type { CorpusScenario } from '../test/triage-corpus/scenario.js';
import { gradeStories } from './grade-stories.js';

/** Rounds written and not yet joined to the corpus; rounds 1–110 have joined it. */
const PENDING: [string, readonly CorpusScenario[]][] = [];

const filter = process.argv[2];
if (PENDING.length === 0) console.log('held-out: no round pending (rounds 1–110 were graded first, then fixed and joined the corpus; their first figures are in docs/benchmarks.md)');
for (const [label, stories] of PENDING) {
  // A round none of whose stories the filter selects is left out rather than printed empty.
  if (filter !== undefined && !stories.some((s) => s.id.includes(filter))) continue;
  console.log(`\n==== ${label} ====\n`);
  await gradeStories(stories, { label, listEach: true });
}
