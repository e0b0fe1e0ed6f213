// Held-out stories, forty-first round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a restore Job resetting the orders id sequence (duplicate keys on every insert);
// pg_hba.conf missing a new node group's pod CIDR; a CronJob's Lua sweep blocking Redis (BUSY); Kafka
// transactional producers fencing each other after a 1→3 scale; a javaagent jar renamed by a new
// init container; an emptied cache stampeding Postgres; and a healthy control: nginx's graceful
// reload after a ConfigMap edit.
// part2.ts — a utf8mb3 MySQL column refusing emoji; Vault sealed after its pod came back on a new
// node; a Rust panic (exit 101) after a ConfigMap edit; Go's "concurrent map writes" under load since
// a revision; an Elasticsearch mapping conflict dropping an indexer's documents; Schema Registry's
// 409 after a release removed a required field; and a healthy control: an operator retrying update
// conflicts.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_41_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
