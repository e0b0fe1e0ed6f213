// Held-out stories, sixty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — MongoDB writes with majority write concern timing out (one member's volume full, one
// in initial sync); a Liquibase changelog lock left held by a killed migration; a migration's ALTER
// TABLE queued behind a long report query with no lock_timeout; Kafka records over
// max.request.size after a revision; a Kafka consumer in a rebalance loop past
// max.poll.interval.ms; memcached refusing items over its 1 MB item size; and a healthy control: a
// Redis's start-up overcommit warning.
// part2.ts — a local PersistentVolume pinned to a replaced node; an ALB readiness gate never set
// while the load balancer controller crashes; MinIO below write quorum; Spring Boot 3 ignoring
// spring.redis.* properties; MySQL 8's ONLY_FULL_GROUP_BY after the database's upgrade; G1
// humongous allocations and full GCs outlasting the liveness probe; and a healthy control: the same
// Redis warning, days old (both writers chose it apart; the id of the second was made unique).
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_67_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
