// Held-out stories, fifty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a certificate re-issued with an ECDSA key against a client pinned to RSA suites; an
// HTTP/1.1 client pointed at an h2c gRPC port; Elasticsearch refusing a shipper's bulk writes after
// a role change; a small image's pull queued behind a huge one (serialized pulls); a new node group
// whose sandbox image sits on the frozen k8s.gcr.io; nginx holding a load balancer's old IPs from a
// static proxy_pass; and a healthy control: urllib3's full-pool warnings and an SAWarning.
// part2.ts — a mesh's REGISTRY_ONLY outbound policy against a new external API; a default-deny
// ingress policy blocking ACME HTTP-01 solvers until the certificate expired; a claim cloned across
// StorageClasses; a rollout with maxUnavailable 100 %; Spark executors OOMKilled past their memory
// overhead; Sentinel clients asking for a renamed master; and a healthy control: an OpenTelemetry
// export burst during the collector's rollout and Metaspace GC lines.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_52_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
