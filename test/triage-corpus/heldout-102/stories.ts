// Held-out stories, hundred-and-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a PostgreSQL image bumped a major version over its old data directory; a streaming standby
// whose primary was re-created (database system identifier differs); a Redis pinned back a major over an
// RDB written by the newer one; MySQL 8.0 started over a crashed 5.7 redo log; a Redis Cluster rebalance
// answering TRYAGAIN to multi-key commands; and its writer's choice, MongoDB 7.0 over a featureCompatibility-
// Version never raised; and a healthy control: a primary and standby with routine noise.
// part2.ts — plain HTTP sent to a port a backend's revision turned to TLS; an SFTP CronJob's parallelism
// raised past the partner's sshd MaxStartups; Spring Session's CONFIG call refused by a managed Redis; 414 on
// long GET query strings at the gateway; and its writer's choices, a gRPC reply larger than the client's
// receive limit since the server's revision, and prepared statements through PgBouncer's transaction
// pooling; and a healthy control: a reverse proxy with 499s, a favicon 404 and a reload.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_102_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
