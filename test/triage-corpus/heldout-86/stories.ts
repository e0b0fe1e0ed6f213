// Held-out stories, eighty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a JDK that no longer speaks TLS 1.0 to a legacy SQL Server since a base-image revision; a
// Consul ACL token deleted under pods that restart; an NFS export that refuses a new node group's
// subnet; a Node cluster forking one worker per CPU of new large nodes; an HPA scale-out exhausting
// MongoDB's connections; ProxySQL still sending writes to the old primary after a failover; and a
// healthy control: Tomcat's slow SHA1PRNG warning.
// part2.ts — NFS clients left with stale file handles by a re-created server; a CronJob that cannot
// mount a ReadWriteOncePod claim the app holds; MySQL's prepared statement limit since a revision
// turned on server-side statements; an ALTER TABLE queued on a metadata lock behind a long report;
// ClickHouse refusing inserts over too many partitions since a revision; an operator using an API
// the control-plane upgrade removed; and a healthy control: MySQL's self-signed CA warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_86_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
