// Held-out stories, sixty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Elasticsearch out of scroll contexts behind an exporter that stopped clearing them;
// RabbitMQ 4's default quorum-queue delivery limit dropping requeued messages; ZooKeeper's
// maxClientCnxns refusing a client that leaks sessions; Go 1.22's ServeMux pattern conflict
// panicking at start; Ruby 3.2's removed File.exists?; a kustomize-generated ConfigMap pruned while
// an older ReplicaSet still needs it; and a healthy control: JWKS refresh warnings over valid
// cached keys.
// part2.ts — Sidekiq 7 against Redis 6.0; one asyncpg connection shared by concurrent tasks; a
// LoadBalancer's source ranges leaving out a partner's new addresses; Mimir's per-user series
// limit after a high-cardinality scrape job; Redis started without its config in protected mode;
// ImageMagick's policy refusing PDF after a base-image move; and a healthy control: Elasticsearch
// deprecation warnings on every query.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_65_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
