// Held-out stories, thirty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Celery worker one release behind its producer (unregistered task); a Kafka
// consumer refusing a producer's new serializer ("Unknown magic byte!"); a hostNetwork pod whose
// dnsPolicy ClusterFirst leaves it the node's resolver; a distroless image whose preStop `sleep`
// does not exist; a StatefulSet whose serviceName Service is not headless; a Node service
// answering 431 to a cookie grown past its header limit; and a healthy control: a pod restarted by
// its node's reboot, clients hanging up.
// part2.ts — a plain Envoy sidecar's circuit breaker overflowing (503 UO); a gRPC client deadline
// cut below the call's latency; Postgres' idle_in_transaction_session_timeout killing a slow
// transaction; a MongoDB sort past its memory limit with no index; a template pinned by nodeName to
// a removed node; an envFrom prefix hiding DB_HOST; and a healthy control: a server-sent-events
// service logging clients' aborted streams.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_37_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
