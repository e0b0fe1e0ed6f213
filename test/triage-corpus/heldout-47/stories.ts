// Held-out stories, forty-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an Active Directory account locked (data 775) by a CronJob binding with its old
// password; a client that is not cluster-aware against a Redis Cluster (MOVED); a Cassandra driver
// whose local datacenter no longer exists; InfluxDB refusing writes on a field type conflict; Kafka
// consumers renamed into a new group with auto.offset.reset=none (NoOffsetForPartitionException);
// keyless records refused by a compacted topic; and a healthy control: gRPC reconnects after the
// server's GOAWAY max_age.
// part2.ts — an HPA whose scale-up policy was Disabled for a change freeze; a Service port changed
// to UDP for an HTTP app; JDK 17's strong encapsulation refusing an old serializer's reflection;
// ActiveMQ Artemis blocking producers on a full address after its consumer was scaled to 0; a
// restore into a Postgres without pgvector; Loki answering a log shipper 429; and a healthy
// control: certificate-expiry warnings well before renewal, and a restart from a node reboot.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_47_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
