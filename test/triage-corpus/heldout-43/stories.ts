// Held-out stories, forty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Postgres refusing XA ("prepared transactions are disabled") after a revision enabled
// it; nginx expecting the PROXY protocol the load balancer does not send; Django 4.2's CSRF origin
// check behind a TLS-terminating load balancer; in-memory sessions scaled from 1 to 3 replicas;
// Celery countdowns longer than the Redis broker's visibility timeout (tasks run twice); MongoDB
// documents past 16 MB for a few members; and a healthy control: a leftover pull-secret warning.
// part2.ts — Elasticsearch's result window after a revision paged deeper; PgBouncer's
// max_client_conn after another Deployment's scale-up; RabbitMQ refusing a login after a
// definitions re-import; Spring Boot 2.6+ refusing circular references; GCS' per-object mutation
// rate limit; ClickHouse read-only after its Keeper ensemble lost quorum; and a healthy control: a
// docs portal with pull-secret and temp-file warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_43_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
