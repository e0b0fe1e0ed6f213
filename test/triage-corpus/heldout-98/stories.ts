// Held-out stories, ninety-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an entrypoint script committed with CRLF line endings; php-fpm's "Primary script unknown"
// since a revision moved the code away from nginx's root; Python's ZoneInfoNotFoundError on a base image
// without tzdata; MongoDB E11000 from overlapping runs of a CronJob an edit allowed to overlap; a JDK 8
// that sizes its heap from the node, not the limit; a JVM out of file descriptors since a revision makes a
// client per call; and a healthy control: urllib3's "Connection pool is full".
// part2.ts — RabbitMQ refusing a queue redeclared as quorum; NATS's maximum payload passed since a
// revision embeds snapshots; a NoSuchMethodError between two Jackson jars; NumPy 2 under a pandas built for
// NumPy 1 after an unpinned rebuild; two Elasticsearch pods on one data path after a scale-up; a rediss://
// URL against a Redis without TLS since a ConfigMap edit; and a healthy control: JVM class-sharing and
// SecurityManager warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_98_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
