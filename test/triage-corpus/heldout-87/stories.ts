// Held-out stories, eighty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a new quota that requires an ephemeral-storage limit the pods do not set; Django 4's
// trusted origins without a scheme; writes sent to a Redis that a Sentinel failover made a replica; a
// reused image tag with pods on older nodes running a cached older image; a comma-decimal locale since
// a base-image revision; an internal URL switched to https toward a plain-HTTP server; and a healthy
// control: winston's padLevels warning.
// part2.ts — two services whose init containers wait for each other after a full restart; a KMS key
// pending deletion; a worker discarding a task type a producer's revision sends first; MongoDB
// transactions aborted past their lifetime limit since a revision batched more; Elasticsearch's
// parent circuit breaker since a revision added a large aggregation; serializable isolation without
// retries; and a healthy control: HikariCP's one clock-leap warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_87_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
