// Held-out stories, twenty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a Kyverno policy injecting a 256Mi memory limit the template lacks (OOMKilled); a
// legacy ALB readiness gate nobody sets any more; a Flyway checksum mismatch on an edited
// migration; Node 14 → 18 making an unhandled rejection fatal; a CUDA driver too old on a new GPU
// node pool; topology-aware routing overloading a zone's lone pod; and a healthy control: a
// DaemonSet pod terminating on a node the cluster autoscaler removes.
// part2.ts — gRPC responses past the client's 4 MiB limit; a revision asking system-node-critical
// outside kube-system; an AppArmor profile missing on a new node group; a NoExecute maintenance
// taint evicting pods again and again; an Istio port name ("http-…") on a Postgres Service; musl's
// resolver on an Alpine image failing a large headless answer; and a healthy control: an Indexed
// Job whose podFailurePolicy ignores disruptions.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_27_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
