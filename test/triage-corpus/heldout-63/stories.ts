// Held-out stories, sixty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Node's built-in fetch ignoring HTTPS_PROXY behind a proxy-only egress; a RabbitMQ
// StatefulSet started in Parallel bootstrapping two clusters; a node image rotation raising the
// kubelet's reserved memory; a GPU pool switched to MIG resources; a database host replaced by its
// IP under sslmode=verify-full; a maintenance Job leaving default_transaction_read_only on; and a
// healthy control: topology hints refused and superfluous WriteHeader lines (the same noise as
// round 62's control, written apart).
// part2.ts — a producer's zstd against a consumer's old Kafka client; NATS messages over
// max_payload; PHP's OPcache out of shared memory; a headless Service's Endpoints truncated at 1000
// for a client that reads Endpoints; an SFTP partner's rotated host key; a new LimitRange's default
// ephemeral-storage limit evicting pods; and a healthy control: hostNetwork pods' DNSConfigForming
// warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_63_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
