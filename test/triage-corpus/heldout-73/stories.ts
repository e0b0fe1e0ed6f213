// Held-out stories, seventy-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Spring Boot 3 upgrade beside a library still on javax.servlet; a Go worker whose
// worker count of 0 deadlocks every goroutine; a PHP class renamed only in letter case; EBS
// refusing a new volume over the region's storage limit; a Cilium L7 policy refusing a new API
// path; kube-dns re-created with a new ClusterIP the kubelets do not know; and a healthy control:
// Spring's open-in-view warning.
// part2.ts — KEYS over tens of millions of Redis keys blocking every client; a Celery beat
// schedule file truncated by a node crash; a Spark driver's ServiceAccount without its RoleBinding;
// Postgres's idle_session_timeout cutting pooled connections; MySQL's global max_execution_time
// aborting reports; ingress-nginx's limit-rps throttling a partner behind one NAT address; and a
// healthy control: Kafka Connect's "supplied but isn't a known config" warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_73_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
