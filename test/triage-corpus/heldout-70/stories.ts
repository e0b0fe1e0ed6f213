// Held-out stories, seventieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Rails server.pid left on an emptyDir after an OOM kill, refusing every restart;
// initdb on a fresh volume's mount root holding lost+found; Elasticsearch's node lock on a hostPath
// shared by two data nodes after anti-affinity was dropped; Prometheus's TSDB lock under a
// RollingUpdate on a ReadWriteOnce claim; NODE_OPTIONS carrying a flag Node refuses there; a
// rotated password's '@' and '#' unencoded in DATABASE_URL; and a healthy control: Celery 5.3's
// broker_connection_retry deprecation warning.
// part2.ts — Kafka clients on SCRAM-SHA-256 against users recreated with SCRAM-SHA-512 only;
// Rails credentials re-encrypted without the new master key; a backup streamed to S3 past 10,000
// multipart parts; __consumer_offsets with replication factor 1 on a broker of a dead node; a GKE
// ServiceAccount renamed without its Workload Identity annotation; an ISTIO_MUTUAL rule broadened
// onto a server without a sidecar; and a healthy control: Rails 7.1's deprecation warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_70_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
