// Held-out stories, fifty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — CoreDNS caching NXDOMAIN for an hour for a Service created after its callers looked it
// up; a renewed certificate served without its intermediate; GOMEMLIMIT under the live heap; a
// RabbitMQ vhost's connection limit after a consumer scale-up; a dependency's rollout dropping its
// /v1 endpoint; Hazelcast's Kubernetes discovery forbidden under a new service account; and a
// healthy control: nginx's deliberate 413 for oversized uploads.
// part2.ts — a campaign CronJob exhausting the shared SMTP relay's rate; a synchronous SDK call
// blocking an asyncio event loop; an Istio sidecar throttled at a 100m CPU limit; reads moved to a
// lagging Postgres replica; Redis keyspace notifications turned on; OAuth tokens fetched on every
// request until the identity provider rate-limits; and a healthy control: blackbox TCP probes
// resetting connections.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_57_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
