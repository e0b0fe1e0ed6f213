// Held-out stories, fifty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Kafka consumers scaled past the brokers' group.max.size; a revision listing
// DATABASE_URL before the variables it references, so `$(DB_USER)` stays literal; MySQL's
// wait_timeout cut to 60 s under HikariCP's 30-minute connections; a memcached scale-up remapping
// most keys under modula hashing; a gp2 volume's burst balance drained by a reindex; gunicorn's
// heartbeat moved off /dev/shm by a new base image; and a healthy control: Istio's periodic xDS
// stream reconnects.
// part2.ts — Kinesis consumers scaled past a shard's read limit; a producer reusing a protobuf
// field number; a driver ConfigMap switched to consistency ALL with one Cassandra node down; a
// CronJob's job template at parallelism 0; an init container's chown refused by NFS root_squash;
// MongoDB transactions past their 60 s lifetime after a batch size increase; and a healthy control:
// Sentinel remembering a replica scaled away.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_56_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
