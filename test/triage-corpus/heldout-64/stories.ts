// Held-out stories, sixty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Postgres primary waiting on a synchronous standby that cannot be scheduled; a JVM
// consumer whose listener died of heap exhaustion while its pods stay Ready; uvicorn's
// --limit-concurrency answering 503; Spring Boot 3 dropping trailing-slash matching; a thread stack
// cut by -Xss256k in an edited ConfigMap; Tomcat's lowered maxParameterCount; and a healthy control:
// Node's MaxListenersExceededWarning and Python's utcnow() deprecation at start-up.
// part2.ts — Node 18+'s requestTimeout cutting long uploads; MySQL blocking pod IPs after
// max_connect_errors (an nc readiness probe); SQLAlchemy 2.0 pulled by an unpinned rebuild; a Redis
// Cluster scaled down without resharding; a read_committed consumer stuck behind an open
// transaction; an HPA's ContainerResource metric naming a renamed container; and a healthy control:
// Postgres checkpoint warnings during a finished nightly load.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_64_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
