// Held-out stories, eighty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a DaemonSet with the OnDelete strategy whose fix reached only the pods deleted since; Netty
// out of direct memory since a revision lowered its limit; a new NetworkPolicy splitting a Hazelcast
// cluster; PostgreSQL out of lock slots after a CronJob made thousands of partitions; CoreDNS pods in a
// forward loop on a new node group; a CronJob pinned to an image tag the registry's retention deleted;
// and a healthy control: a Kafka client's unknown-config warning.
// part2.ts — PostgreSQL's temp_file_limit since a revision's report; GCS refusing a revision's
// per-request rewrites of one object; an expired Azure SAS URL in a ConfigMap; a node pool with a
// skewed clock; a PVC expanded but its file system waiting for a pod restart; reads moved to a lagging
// MySQL replica; and a healthy control: Tomcat's TLD-scan note.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_88_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
