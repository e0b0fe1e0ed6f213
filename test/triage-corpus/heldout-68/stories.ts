// Held-out stories, sixty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Linkerd's destination controller OOMKilled, meshed callers failing fast; a Ceph RBD
// image still watched by a crashed node; an import Job failed at once by its podFailurePolicy on an
// empty input file; Kafka consumers outnumbering the topic's partitions; RabbitMQ consumers with
// unlimited prefetch OOMKilled on a backlog; a JetStream stream at max_bytes with discard new; and
// a healthy control: a Redis's start-up overcommit warning.
// part2.ts — JDK 17's strong encapsulation refusing a library's reflection; Go 1.24 refusing a
// partner's SHA-1 signed chain; one replica serving an expired certificate it loaded at start; the
// JVM caching DNS forever across a database failover; an S3 bucket recreated in another region; a
// neighbour's memory-based HPA holding the namespace's quota; and a healthy control: gunicorn
// recycling workers at --max-requests.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_68_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
