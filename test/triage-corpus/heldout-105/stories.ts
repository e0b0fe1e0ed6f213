// Held-out stories, hundred-and-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a node stuck in unregister_netdevice; a node at its system-wide file limit (ENFILE) from a DaemonSet's
// leak; pods pinned by spec.nodeName rejected by the kubelet (OutOfcpu); text file busy from a sidecar re-copying a
// binary; LD_PRELOAD of jemalloc aborting a process (exit 134); and its writer's choice, a recursive fsGroup chown
// stalling a StatefulSet pod; and a healthy control: a DaemonSet mid-rollout.
// part2.ts — HTTP/2 connection coalescing answered 421 Misdirected Request; an Istio Service port named http- for a
// gRPC server; a CronJob whose Replace policy kills every run; a ConfigMap URL with a trailing newline; Celery
// workers refusing a producer's new task (version skew); and its writer's choice, a readiness probe refused 400
// by Django's ALLOWED_HOSTS; and a healthy control: a Job that retried and completed.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_105_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
