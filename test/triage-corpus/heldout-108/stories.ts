// Held-out stories, hundred-and-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Go service whose image moved to a scratch base without the CA bundle; a leader-elected controller throttled
// by a cut CPU limit until it loses its Lease; nginx failing on server_names_hash_bucket_size after a ConfigMap
// edit; a glibc-2.12 binary segfaulting only on a vsyscall=none node pool; and its writer's choices, a recursive
// fsGroup chown holding a pod in ContainerCreating and a Forbid CronJob behind a hung run; and a healthy
// control: a StatefulSet scale-up that waited for the autoscaler's node.
// part2.ts — service-link env vars of a namespace with thousands of Services exceeding the kernel's argument limit; a base
// image that dropped the UTF-8 locale; Elasticsearch whose initial_master_nodes name the pods of its old name;
// an unsafe sysctl the kubelets forbid; and its writer's choices, a DNS egress rule without a namespaceSelector
// and an emptyDir sizeLimit evicting an exporter; and a healthy control: a Deployment paused mid-rollout on
// purpose.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_108_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
