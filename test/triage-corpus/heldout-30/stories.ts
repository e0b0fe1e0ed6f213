// Held-out stories, thirtieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — Postgres refusing writes to avoid transaction-ID wraparound after autovacuum was
// turned off; Redis refusing writes (MISCONF) because its RDB snapshots cannot be saved on a full
// volume; a Kafka consumer group crash-looping on one poison record; a Java deadlock that the
// liveness probe turns into restarts; a required pod affinity to a label the cache no longer
// carries; the ingress-nginx controller failing every reload on a bad http-snippet and serving
// its old configuration; and a healthy control: a public API with client-side 4xx noise.
// part2.ts — a CronJob schedule edited to fire only on the 1st of the month; a base image without
// time-zone data on a Deployment that keeps no revision history; a downward-API env var from a
// label pods never carry; a NetworkPolicy selecting a namespace label lost when ingress-nginx's
// namespace was re-created; an app's etcd past its backend quota (NOSPACE); pods exiting at once
// on SIGTERM without a preStop hook, so each rollout gives 502s; and a healthy control: a service
// steady for hours after a database maintenance window.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_30_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
