// Held-out stories, hundred-and-tenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Kafka producer refused NOT_ENOUGH_REPLICAS while a broker whose volume is full is down; a schema registry
// refusing a revision's incompatible Avro schema (409); a base image whose new ENTRYPOINT receives the pod's
// args; sessions left idle in transaction whose locks time out other requests; and its writer's choices, a node
// whose max-pods exceeds the IPs its VPC CNI can give and a liveness probe on an aggregate health endpoint that
// includes a failing Elasticsearch; and a healthy control: readiness failures during a rollout's warm-up ten
// minutes ago.
// part2.ts — an MTU mismatch after an overlay change, large responses hanging between nodes; a Rails revision whose
// migration did not run (PendingMigrationError); PostgreSQL refusing writes to avoid transaction ID wraparound;
// a Go rebuild refusing a certificate with only a Common Name; and its writer's choices, a volume out of inodes
// with space free and a zone spread constraint counting a cordoned zone; and a healthy control: a PostgreSQL
// replica that lagged and caught up forty minutes ago.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_110_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
