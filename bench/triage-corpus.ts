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
import { CORPUS } from '../test/triage-corpus/scenarios/index.js';
import { gradeStories } from './grade-stories.js';

const runs = await gradeStories(CORPUS, { label: 'corpus', listEach: false });
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
// The headline is what a paged engineer reads first (and Slack's notification text): its length is
// a figure to watch, not a grade.
const lengths = runs.map((r) => r.headline.length).sort((a, b) => a - b);
const len = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
console.log(`headline length (characters): p50 ${len(0.5)}, p90 ${len(0.9)}, max ${lengths[lengths.length - 1] ?? 0}`);
console.log(`triage time (find + read + analyse, fake API on loopback): p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(ms[ms.length - 1] ?? 0).toFixed(0)} ms`);
