// Held-out stories, ninety-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Elasticsearch's write queue rejecting bulk items since a revision raised the indexer's
// workers; a rollback whose Alembic init cannot locate the database's newer revision; MySQL's "Incorrect
// string value" since a ConfigMap edit moved the connection to utf8; Rails host authorization refusing the
// kubelet's probes; a Go rebuild refusing a certificate with only a Common Name; Node's 431 since a base
// image change dropped its header-size flag; and a healthy control: Hikari's clock-leap warning.
// part2.ts — a binary built against a newer glibc than its runtime image; uWSGI's listen queue full since a
// revision halved its processes; a Spring DataSource without a URL since a revision dropped the active
// profile; a PostgreSQL replica whose WAL the primary already removed; a CronJob past too many missed start
// times after it was unsuspended; and one its writer chose: Redis Cluster's CROSSSLOT for a multi-key script
// since a move off a standalone; and a healthy control: ASP.NET Core's DataProtection warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_97_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
