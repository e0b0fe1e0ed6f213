// Held-out stories, fifty-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an S3 SDK moved to virtual-hosted style against an in-cluster MinIO (no such host); a
// Postgres backend killed by the kernel OOM resetting every connection; a MySQL replica whose SQL
// thread stopped on a duplicate key behind the read Service; a Kafka Streams app that cannot create
// its internal topics with a broker down; NATS "no responders" after a responder renamed its subject;
// an Elasticsearch alias without a write index; and a healthy control: TLS handshake errors from a
// scanner and context-canceled lines.
// part2.ts — a leader lease held by a dead pod with a 3600 s duration; TLS on a gRPC port under the
// kubelet's native gRPC probe; Oracle's ORA-28001 expired password; the ARP neighbour table overflow
// on large nodes; a partner behind an SNI-routed edge and a client that sends no SNI; a ConfigMap
// past 1 MiB failing its generator CronJob; and a healthy control: Hikari's clock-leap warning and
// Tomcat's TLS-probe noise.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_51_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
