// Held-out stories, twenty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a JDK 21 build on a Java 17 runtime (UnsupportedClassVersionError); php-fpm's
// pm.max_children lowered to 5 behind an nginx sidecar; a kubelet reservation typo leaving a new
// pool 6Gi allocatable of 62Gi; autoscaled nodes without routes (ROUTES quota, NetworkUnavailable);
// PgBouncer's transaction pooling against server-side prepared statements; a Node.js keep-alive
// shorter than ingress-nginx's upstream keep-alive; and a healthy control: a canary Deployment
// beside the stable one behind the same Service.
// part2.ts — Kafka consumers autoscaled past the topic's partitions; a partner's rate limit
// exhausted by a new CronJob sharing the API key; Redis' requirepass against a liveness probe
// without auth (NOAUTH); inode exhaustion on a node from an emptyDir cache; a preStop sleep longer
// than the grace period; an Elasticsearch heap cut tripping the parent circuit breaker; and a
// healthy control: a StatefulSet's staged rolling update held at partition 2 on purpose.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_28_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
