// Held-out stories, fortieth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Postgres parallel workers out of a 64 MB /dev/shm after a ConfigMap raised
// max_parallel_workers_per_gather; a role's CONNECTION LIMIT refusing a scaled-out reporting
// service; S3 SlowDown on a revision writing under one key prefix; Alembic unable to locate the
// database's head after a rollout undo; nginx's server_names_hash bucket after a ConfigMap edit
// added a long server_name; a Kafka consumer replaying its topic after its offsets expired while
// it was scaled to zero; and a healthy control: idempotent replays logging duplicate keys.
// part2.ts — DynamoDB throttling a hot partition key; a NoSuchMethodError from a Guava conflict; an
// Elixir cluster split by a lost RELEASE_COOKIE; Redis NOREPLICAS with its only replica Pending;
// Celery beat scaled to two, sending every task twice; Go rejecting a certificate with only a
// Common Name; and a healthy control: Fluent Bit's transient flush retries.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_40_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
