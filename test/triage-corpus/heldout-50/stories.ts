// Held-out stories, fiftieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Consul servers without a leader after new pod IPs; a projected token under the
// 10-minute minimum refused at pod creation; Go 1.23's x509 negative serial; urllib3 2 on OpenSSL
// 1.0.2; node-fetch 3's ERR_REQUIRE_ESM; Ruby 3.1's Psych::BadAlias; and a healthy control: a Vault
// agent's renewals and one DNS timeout that succeeded on retry.
// part2.ts — GOMEMLIMIT with a unit Go refuses; Postgres' collation version mismatch after an OS
// base change; Solr's maxWarmingSearchers; ZooKeeper's four-letter-word whitelist against a ruok
// probe; Azure Files refused after an account key rotation; Hibernate 6's orders_seq; and a healthy
// control: a fresh node's start-up warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_50_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
