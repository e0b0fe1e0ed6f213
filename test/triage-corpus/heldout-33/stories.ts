// Held-out stories, thirty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test`
// grades. Written by two writers apart:
//
// part1.ts — a MySQL writer Service still selecting the demoted primary (ERROR 1290 --read-only);
// a required node affinity on the deprecated failure-domain.beta zone label new nodes lack;
// Elasticsearch's memory-lock bootstrap check failing on a new node group; Postgres' WAL filling
// its volume behind an abandoned Debezium replication slot; nginx out of worker_connections in
// front of a healthy app; a slim base image without libpq; and a healthy control: an app after a
// planned Patroni switchover.
// part2.ts — an ephemeral-storage request typo (50Gi); an exec liveness probe's ping refused
// after all capabilities were dropped; RabbitMQ's disk alarm blocking publishers; a keystore read
// with the wrong type after a JDK base-image change; a kubectl CronJob forbidden once its
// RoleBinding was removed; an HPA's maxReplicas lowered during a peak; and a healthy control: a
// nightly Job retried once after a spot preemption.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_33_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
