// Held-out stories, forty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — gRPC UNIMPLEMENTED behind a server rollout stuck on a missing ConfigMap key; SQLite
// locked after a hand scale to 2 on EFS; a distroless base without the image's USER; an expired
// Entra ID client secret; Cassandra "Batch too large" after a ConfigMap raised the batch size;
// MongoDB transactions sent to a standalone; and a healthy control: an authorizer logging issuer
// declines as errors.
// part2.ts — Redis replicas answering MASTERDOWN while their master is stuck on a lost node; Postgres
// "permission denied" on a table a migration Job created without grants; an etcd member whose claim
// was recreated ("already bootstrapped"); ClickHouse's per-query memory limit cut in a ConfigMap; an
// OIDC issuer changed by Keycloak's hostname; Werkzeug 3 breaking Flask 2.2 after a dependency bump;
// and a healthy control: a fraud scorer's declines and audit-only policy reports.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_42_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
