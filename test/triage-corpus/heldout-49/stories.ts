// Held-out stories, forty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — the kubelet rejecting pods on NodeAffinity after a node label cleanup; gosu refused
// under allowPrivilegeEscalation: false; a CephFS quota (EDQUOT); SSM ThrottlingException at
// startup after an HPA scale-up; a FIFO SQS queue without MessageGroupId; a Prometheus HA pair
// without its replica label rejected by Mimir; and a healthy control: Node.js start-up warnings and
// 499s.
// part2.ts — a MongoDB client with directConnection to a member that is no longer primary; Jackson's
// infinite recursion after an entity change; GPU pods rejected with TopologyAffinityError; MySQL 8's
// strict zero dates; a Next.js standalone server bound to the pod IP while its sidecar calls
// localhost; fsck errors on a volume after a node crash; and a healthy control: Kafka rebalances,
// Hibernate HHH000104 and RMI's hourly full GC.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_49_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
