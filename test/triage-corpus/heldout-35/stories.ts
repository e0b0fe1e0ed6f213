// Held-out stories, thirty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a country list whose `NO` YAML 1.1 reads as false; a StatefulSet re-created with a
// larger volumeClaimTemplates whose existing claims kept their size, now full; a Job with
// restartPolicy OnFailure restarting in place on a renamed S3 bucket; a ResourceQuota scoped to a
// PriorityClass that is full; a squid egress proxy whose allow-list lacks a new partner domain; an
// arm64-only image on amd64 nodes (exec format error); and a healthy control: an HPA's night
// scale-down with pods draining.
// part2.ts — a node group whose containerd and kubelet disagree on the cgroup driver, never Ready;
// a NetworkPolicy allowing a named port the new revision renamed; a WaitForFirstConsumer claim
// whose StorageClass zones exclude the pod's pinned zone; a Go service throttled with GOMAXPROCS
// at the node's 64 cores; a surge pod that required anti-affinity can never place on a full pool;
// a gRPC readiness probe asking for a health service the release renamed; and a healthy control:
// an auth gateway logging expired-token rejections after a node rotation.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_35_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
