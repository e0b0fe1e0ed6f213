// Held-out stories, fifty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a ZooKeeper myid out of step with its server list; a KRaft controller quorum scaled
// below its voters list; an OpenTelemetry collector's memory limiter refusing data after a
// high-cardinality attribute; a feature-flag Service renamed so the SDK falls back to defaults (logged
// as warnings only); a new Postgres replica refused past max_wal_senders; a Kafka hot partition after
// a key change; and a healthy control: a Node.js service's ExperimentalWarning and debug metrics.
// part2.ts — an NLB hairpinning to the caller's own node; Redis closing Pub/Sub subscribers past
// their output-buffer limit; one gRPC connection against MAX_CONCURRENT_STREAMS; a Kafka Connect sink
// task FAILED on a new schema field; a user_id metric label whose scrapes time the liveness probe out;
// glibc malloc arenas on 64-core nodes; and a healthy control: a nightly renderer at its CPU limit.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_54_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
