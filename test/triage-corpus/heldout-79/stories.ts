// Held-out stories, seventy-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — OpenCV's libGL missing from a slim base image; a JDK upgrade disabling TLS 1.0 toward
// an old SMTP relay; an Express route answering twice (ERR_HTTP_HEADERS_SENT) and ending the
// process; a new worker using up a Postgres role's connection limit; an nginx sidecar refusing a
// response header larger than its proxy buffer; Memcached refusing items over its item size limit;
// and a healthy control: a MaxListenersExceededWarning at start.
// part2.ts — an HPA blind to CPU since a sidecar without a CPU request; hostAliases pinning a
// database's old address; a server-speaks-first MySQL port not marked opaque for a new Linkerd
// proxy; a local Spring profile active in production; a readinessGate whose controller is gone;
// an IRSA token with the wrong audience for STS; and a healthy control: Redis's kernel warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_79_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
