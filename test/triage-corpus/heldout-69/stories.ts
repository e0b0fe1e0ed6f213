// Held-out stories, sixty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Debezium replication slot invalidated by max_slot_wal_keep_size; a Kafka Connect
// sink task killed by a poison record ("Tolerance exceeded in error handler"); a topic's retention
// cut while a consumer was behind, its offsets reset to latest; MySQL's max_allowed_packet against
// bigger rows; minReadySeconds longer than progressDeadlineSeconds; a second -javaagent failing the
// JVM's verifier; and a healthy control: uvicorn's "Invalid HTTP request received" from a load
// balancer's TCP health checks.
// part2.ts — Mongoose refusing removed connection options; Laravel file sessions after a scale-out;
// OpenMP threads sized by a 64-core node against a 2-CPU limit; redis-py's RESP3 HELLO against
// Redis 5; a JDK 8 older than 8u372 sizing its heap on cgroup v2 nodes; containerd 2's open-files
// soft limit of 1024; and a healthy control: Node 22's punycode deprecation warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_69_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
