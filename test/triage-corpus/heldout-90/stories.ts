// Held-out stories, ninetieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — sslmode=require against a PostgreSQL without TLS, set by a ConfigMap edit; an entrypoint
// that lost its exec bit; a container flag added ahead of the image that knows it; a CDC replication
// slot still held by the old pod under a RollingUpdate; an HPA blocked by the namespace's pod-count quota;
// a distroless image without the curl its exec readiness probe calls; and a healthy control: log4j 1's
// "no appenders" warning.
// part2.ts — a mysqldump 8 client against a MySQL 5.7 server (COLUMN_STATISTICS) in a backup CronJob; a
// Service edited to internalTrafficPolicy Local; nodes out of inodes from a revision's emptyDir cache; a
// logging dictConfig whose file handler has no directory; a Spring context path that moved the probes'
// endpoint; nginx under readOnlyRootFilesystem; and a healthy control: pandas' numeric_only FutureWarning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_90_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
