// Held-out stories, thirty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a Node.js heap flag (--max-old-space-size) far above the memory limit; an egress
// NetworkPolicy allowing the API server's Service IP but not its DNATed endpoints on 6443; a
// StatefulSet with updateStrategy OnDelete whose fix was never applied to its pods; a readiness
// probe's initialDelaySeconds set to 900; an in-cluster NFS server that cannot schedule, leaving
// its clients' mounts timing out; Elasticsearch at its open-shard limit refusing the daily index;
// and a healthy control: a Kafka consumer after a broker rolling restart two hours ago.
// part2.ts — a ConfigMap's PGOPTIONS lowering Postgres' statement_timeout; a RabbitMQ prefetch
// raised past what the consumer timeout allows; a Namespace's PodNodeSelector annotation naming a
// pool label the new nodes lack; a Service publishing not-ready addresses to warming pods; Redis
// replicas dropped at every full resync by the replica output-buffer limit; a Kafka topic renamed
// in a revision but never created (auto-create off); and a healthy control: an HPA scale-up whose
// new pods warmed up.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_32_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
