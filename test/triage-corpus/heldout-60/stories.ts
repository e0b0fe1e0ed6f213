// Held-out stories, sixtieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a MySQL 5.7 → 8.0 upgrade of the dependency whose default sql_mode
// (ONLY_FULL_GROUP_BY) refuses the unchanged app's queries; an mTLS client certificate re-issued
// with only the serverAuth key usage; a NOT NULL column added by a migration before a legacy writer
// was updated; Spring's liveness group including the database; Go's cgo resolver exhausting
// threads under slow DNS; Kafka Streams state moved to an emptyDir, restored from scratch and killed
// by its startup probe; and a healthy control: a JVM's harmless startup warnings.
// part2.ts — headless Chrome without user namespaces on a new node group; a CUDA OOM after a batch
// size raise; a serialVersionUID change under a shared Redis cache mid-rollout; a RabbitMQ exclusive
// queue locked by scaled-out consumers; a Thanos compactor halted on overlapping blocks; Varnish's
// malloc storage too small for large objects; and a healthy control: RabbitMQ's "client unexpectedly
// closed TCP connection" from short-lived CronJob publishers.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_60_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
