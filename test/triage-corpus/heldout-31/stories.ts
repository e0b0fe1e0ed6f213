// Held-out stories, thirty-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a pg_dump backup CronJob refused by a Postgres upgraded to a new major version; an
// image-signature policy (Kyverno verifyImages) denying a revision's pods; the descheduler
// evicting a workload's pods every few minutes for topology spread; a MongoDB replica set left
// with no primary; an operator losing its leader election after its CPU limit was cut; a
// ConfigMap mounted over /etc/ssl/certs hiding the image's CA bundle; and a healthy control: an
// API logging DEBUG lines and handled exceptions.
// part2.ts — Cassandra with two of three nodes down (QUORUM unavailable); Prometheus OOM-killed
// while replaying its WAL after a cardinality rise; an image with too many layers (max depth
// exceeded); Kafka producers refused for too few in-sync replicas; a Service still selecting
// version=v1 after the pods became v2; a node-local egress proxy crash-looping on one node; and a
// healthy control: a Cloud SQL proxy sidecar's routine hourly warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_31_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
