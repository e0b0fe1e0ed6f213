// Held-out stories, eighty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a deleted ServiceAccount that stops replacement pods; a Cloud SQL proxy sidecar refused
// by IAM; a Celery beat scaled to two that sends every task twice; emptyDir size-limit evictions
// since a revision; a MongoDB sort past its memory limit after a migration dropped an index; a
// report CronJob cancelled on a hot standby; and a healthy control: Kafka's one-off
// LEADER_NOT_AVAILABLE at start-up.
// part2.ts — a Redis ACL that took a command away; MySQL 8's reserved word under an unchanged query
// after a server upgrade; gunicorn --preload sharing one TLS connection between workers; an Envoy
// sidecar's lowered local rate limit; OpenSSL 3 refusing md4 under Node 18; a Go proxy out of file
// descriptors since keep-alive was turned off; and a healthy control: PostgreSQL's "there is no
// transaction in progress" warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_85_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
