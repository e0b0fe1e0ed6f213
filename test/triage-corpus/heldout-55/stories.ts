// Held-out stories, fifty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a session-level search_path behind PgBouncer's transaction pooling; an expired mTLS
// client certificate to a partner; a Celery worker switched to the solo pool; MySQL's
// sql_require_primary_key refusing a migration; node-local-dns missing from a tainted pool; a
// JetStream stream full with discard new; and a healthy control: an archived feature flag's
// FLAG_NOT_FOUND warnings.
// part2.ts — a 301 to HTTPS turning POSTs into GETs (405); a reindex CronJob in UTC landing on the
// morning peak; Tomcat's threads stuck on a slow partner without a timeout; SELinux enforcing on a new
// node pool; jobs enqueued to a queue no worker listens to; a retry storm across three hops; and a
// healthy control: PgBouncer's routine connection closes.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_55_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
