// Held-out stories, seventy-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Istio's pending-request limit overflowing toward an idle upstream; a Kafka producer's
// renamed topic on brokers that do not auto-create topics; a service switched to SERIALIZABLE
// isolation failing on serialization conflicts; a controller scaled back up with a legacy service
// account token that was invalidated; Kestrel told to serve https without a certificate; a gRPC
// client's keepalive below the server's minimum (too_many_pings); and a healthy control: Redis's
// memory-overcommit warning.
// part2.ts — a Vault Agent sidecar whose token outlived its role's max TTL, leaving stale database
// credentials; a StatefulSet scale-up refused by a storage quota; a DaemonSet's pods on a new pool
// Pending on a hostPort another DaemonSet holds; a ZooKeeper children list past jute.maxbuffer; a
// Redis pool size times replicas past maxclients; Celery's worker children killed by the cgroup OOM
// while PID 1 survives; and a healthy control: gunicorn recycling workers by --max-requests.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_78_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
