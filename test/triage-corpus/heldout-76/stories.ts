// Held-out stories, seventy-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a pika consumer blocking its connection thread until RabbitMQ closes it for missed
// heartbeats; Flyway refusing to start over a MySQL migration that failed half-way; an Azure
// storage account without shared keys and a workload identity with no data-plane role; EKS Pod
// Identity's agent missing on a tainted node group; OIDC login state kept in memory across three
// replicas; a MongoDB user's role narrowed by its operator; and a healthy control: the
// pkg_resources deprecation warning.
// part2.ts — Django's InconsistentMigrationHistory after a partial restore; the ForkJoinPool
// common pool starved by a CPU limit of 1; Postgres's replication slots all held by stale slots;
// a JKS keystore type meeting a PKCS12 file; Celery's hard time limit lowered under long tasks;
// Rack::Timeout's service timeout lowered; and a healthy control: native-library fallback notes.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_76_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
