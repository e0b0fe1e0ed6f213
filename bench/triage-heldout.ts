/**
 * Held-out accuracy, third round: stories written without reading the analysis code
 * (test/triage-corpus/heldout-3/stories.ts), triaged through the real KubeCluster against the fake
 * API server and graded like the corpus — headline right (verdict and every headline expectation),
 * facts right (every fact stated, no wrong claim), both — with false all-clears counted apart.
 * A measurement, not a test: part of `npm run bench`, not of `npm test`; misses are expected.
 *
 *   npx tsx bench/triage-heldout.ts           all stories
 *   npx tsx bench/triage-heldout.ts dns       only stories whose id contains "dns"
 *   VERBOSE=1 npx tsx bench/triage-heldout.ts every miss explained in full
 */
import { HOLDOUT_3_SCENARIOS } from '../test/triage-corpus/heldout-3/stories.js';
import { gradeStories } from './grade-stories.js';

await gradeStories(HOLDOUT_3_SCENARIOS, { label: 'held-out 3', listEach: true });
