// Held-out stories, twenty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a fluent-bit sidecar OOM-killed while its log backend answers 503, Pending pods a
// topology spread's minDomains cannot place in two zones, gunicorn's --preload sharing one TLS
// connection to Postgres across workers, readiness flapping under GC pauses (failureThreshold 1),
// nginx unable to chown its cache with every capability dropped, a RabbitMQ queue redeclared as a
// quorum queue (PRECONDITION_FAILED), and a healthy control: a DaemonSet rolling node by node.
// part2.ts — an operator throttled by client-go's own rate limiter after more concurrent
// reconciles, a Redis Cluster down after a master and its only replica shared a reclaimed node,
// a StatefulSet replica restoring from a VolumeSnapshot that never became ready, an HPA flapping
// on JVM warm-up CPU, gRPC's long-lived connections leaving new pods idle, a node whose kubelet
// client certificate expired, and a healthy control: a rollout after a migration Job's retry.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_23_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
