// Held-out stories, hundred-and-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a DaemonSet's hostPath docker.sock (type Socket) on new containerd nodes; a JVM that cannot
// commit its heap on a node pool tuned to strict overcommit; a profiler sidecar stripped of SYS_PTRACE; a
// proxy binary with file capabilities after a revision dropped ALL; a native addon built against a newer
// libstdc++ than the runtime image's (GLIBCXX); and its writer's choice, a Localhost AppArmor profile not
// loaded on autoscaled nodes; and a healthy control: Redis's usual start-up warnings.
// part2.ts — Prisma without a query engine for OpenSSL 3 after a base image bump; a MySQL INT
// auto-increment exhausted with no change; 64-bit ids rounded by JSON.parse since a producer's revision;
// a varchar overflowed by another service's longer values; and its writer's choices, a backup CronJob's
// pg_dump older than the server it dumps, and a Flyway migration failed half-way on duplicate rows; and a
// healthy control: a CronJob whose one failure two days ago was followed by good runs.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_103_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
