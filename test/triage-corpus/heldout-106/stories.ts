// Held-out stories, hundred-and-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — headless Chromium on a 64 MiB /dev/shm; a new node group's pod PID limit; a ConfigMap defaultMode
// written in decimal; an unqualified image name on a CRI-O pool; a crashing revision with revisionHistoryLimit 0;
// and its writer's choice, a template pinned by spec.nodeName rejected OutOfcpu; and a healthy control: old TLS
// handshake resets from load balancer health checks.
// part2.ts — Calico's BGP down on one node; a kmem cgroup exhausted on an old kernel; .NET 8 listening on 8080; an
// ingress controller expecting the PROXY protocol; a CronJob whose starting deadline skips every run; and its
// writer's choice, a recursive fsGroup chown of a large volume; and a healthy control: a Kafka StatefulSet mid
// rolling update.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_106_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
