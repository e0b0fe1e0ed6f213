// Held-out stories, thirty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Rails pool of 5 under 16 Puma threads (ActiveRecord::ConnectionTimeoutError);
// Cassandra aborting reads over 100001 tombstones; Elasticsearch's write queue rejecting bulk
// requests after the indexer was scaled from 2 to 12; a NATS slow consumer after a revision cut its
// workers to one; .NET's DOTNET_GCHeapHardLimit far under the container limit
// (OutOfMemoryException, exit 134); Postgres deadlocks caused by another Deployment's new lock
// order; and a healthy control: ParallelGC's routine "Allocation Failure" pauses.
// part2.ts — a Spring diskSpace indicator taking pods out of readiness on a full spool volume; a
// Redis liveness probe killing it while it loads its RDB; an OpenTelemetry Collector exporting to a
// deleted Tempo Service; MySQL lock wait timeouts behind a CronJob's long transaction; a MongoDB
// index dropped by a DBA's Job (COLLSCAN, MaxTimeMSExpired); glibc's parallel A/AAAA lookups lost
// to the conntrack race (5 s lookups); and a healthy control: HikariCP's stale-connection warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_39_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
