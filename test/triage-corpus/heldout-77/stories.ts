// Held-out stories, seventy-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Netty service's direct memory capped low by a new revision's JVM flag; one node's
// clock drifted ahead so S3 refuses that node's signed requests; a renamed Kubernetes service account
// without its GKE Workload Identity binding; a Postgres int4 id sequence at its maximum; an app's
// own rate-limit ConfigMap edited from 1000 to 10 requests a second; an Indexed Job failing on one
// corrupt shard; and a healthy control: TLS handshake EOF lines from a load balancer's TCP checks.
// part2.ts — a Spring async executor's queue capacity cut in a ConfigMap; Loki's per-stream rate
// limit lowered in its runtime overrides; an Elasticsearch index past its total-fields limit after
// a new revision indexed dynamic keys; sessions left idle in transaction by another service holding
// the locks the asked one waits on; a base image moved to Alpine without libssl 1.1; MySQL's lock
// table too small for a nightly batch after its buffer pool was cut; and a healthy control: Celery's
// pending-deprecation warning at each start after a scale-out.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_77_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
