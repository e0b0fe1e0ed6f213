// Held-out stories, ninety-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — PostgreSQL refusing writes to avoid transaction-id wraparound behind an old prepared
// transaction; Cassandra reads aborted on tombstones since a revision began deleting queue rows;
// Elasticsearch's result window passed by a revision's export paging; an HPA still targeting a renamed
// Deployment; Oracle's ORA-28001 when a password's lifetime passed; a JVM out of compressed class space since
// a revision set it low; and a healthy control: log4j2's getCallerClass warning.
// part2.ts — Node 20 resolving localhost to ::1 while a sidecar listens on 127.0.0.1; a postStart hook whose
// script is not executable; imagePullPolicy Never copied into a revision; ZooKeeper sessions expired by GC
// pauses since a revision raised the heap; a thread pool's RejectedExecutionException since a revision
// shrank it; a NATS stream renamed by a ConfigMap edit; and a healthy control: the Go MySQL driver's
// "closing bad idle connection".
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_93_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
