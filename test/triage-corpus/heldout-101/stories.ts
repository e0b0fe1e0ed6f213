// Held-out stories, hundred-and-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Spring placeholder left unresolved after a ConfigMap key was renamed; a revision building
// DynamoDB keys the table's schema does not have; a worker that assumed a role once and never refreshed
// (ExpiredToken after an hour); an Elasticsearch index deleted by another service's new revision; a
// migration Job that created a table as another role, without grants; an SQS consumer pointed at a queue
// that does not exist by a config-only release; and a healthy control: Spring Boot's routine warnings.
// part2.ts — an exec liveness probe whose binary a revision's distroless image lacks; an incompatible Avro
// schema registered by another team's producer; a GPU node whose device plugin is OOM-killed, pods
// rejected at admission; a CronJob whose tiny startingDeadlineSeconds misses every run; a LoadBalancer
// Service whose cloud load balancer cannot be created; and one its writer chose: MySQL deadlocks since a
// revision raised a worker's concurrency; and a healthy control: Go's TLS handshake EOFs from health checks.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_101_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
