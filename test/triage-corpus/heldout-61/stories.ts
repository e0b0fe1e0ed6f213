// Held-out stories, sixty-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a DNS egress rule allowing only UDP 53, so a truncated answer's TCP retry is dropped;
// an unquoted YAML version 1.10 read as 1.1; a ':latest' tag under IfNotPresent running two builds
// by node; a renamed Kafka group under auto.offset.reset=earliest replaying days of notifications;
// an S3 lifecycle rule expiring day-old objects; a Laravel worker's --timeout over its queue's
// retry_after; and a healthy control: Kafka Streams settled after a scale-up, with
// InsecureRequestWarning noise.
// part2.ts — a CockroachDB member on a node whose clock drifted; pg_stat_statements dropped from
// shared_preload_libraries; JDK 21 refusing an old SHA1-signed certificate; a MongoDB PSA set whose
// secondary cannot be placed, so majority writes time out; an ON CLUSTER DDL waiting on a Pending
// ClickHouse replica; an image-signature policy refusing pods signed with a rotated key; and a
// healthy control: a nightly downscale with Envoy sidecars draining.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_61_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
