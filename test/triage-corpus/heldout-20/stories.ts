// Held-out stories, twentieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a migration Job's table rewrite holding a lock the API's queries wait on, a Kafka
// producer whose records outgrew max.request.size after a payload change, a Secrets Store CSI
// mount denied by IAM, a validating webhook whose CA bundle went stale (the rollout cannot create
// pods), Envoy's outlier detection ejecting every upstream host, a rollout stuck behind hour-long
// graceful terminations, and a healthy control: an HPA scaling down at night.
// part2.ts — new-AMI nodes without the kubelet's ECR credential provider, running pods on an EFS
// access point that was recreated (stale file handles), a legacy service-account token the cluster
// invalidated, pods started without their Vault secrets while the injector was down, a StatefulSet
// name too long for its revision label, a single-replica StatefulSet on spot capacity that keeps
// being interrupted, and a healthy control: volumes expanding online.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_20_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
