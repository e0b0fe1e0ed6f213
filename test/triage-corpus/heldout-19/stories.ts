// Held-out stories, nineteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — Postgres out of connection slots after an HPA scale-up, Redis `maxclients` reached by a
// connection leak in a new revision, cert-manager rate-limited so the TLS Secret the pods mount
// never appears, PyTorch workers killed by SIGBUS once /dev/shm lost its memory emptyDir, pods
// evicted for outgrowing an emptyDir's sizeLimit, a namespace deleted by mistake and stuck
// Terminating, and a healthy control: a CronJob whose last run needed one retry.
// part2.ts — the cluster autoscaler refused instances (InsufficientInstanceCapacity), a Linkerd
// trust anchor that expired, a KEDA-scaled worker left at zero because KEDA cannot log in to
// RabbitMQ, Java 8 sizing its heap from the host on cgroup v2 nodes, a hostPath directory a new
// AMI lacks, an operator still watching an API the cluster upgrade removed, and a healthy
// control: a StatefulSet mid rolling update.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_19_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
