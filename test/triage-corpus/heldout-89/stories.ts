// Held-out stories, eighty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a Kafka broker's volume corrupted by its node's unclean reboot ("Structure needs
// cleaning"); Apache HttpClient's "Connection pool shut down" since a revision closed the shared client;
// PostgreSQL's numeric field overflow since a revision stored amounts in cents; RabbitMQ's NOT_FOUND for an
// exchange nobody declares; SQL Server's log full (LOG_BACKUP) behind a failing log-backup CronJob; a
// nightly report's ZeroDivisionError on an empty feed; and a healthy control: SLF4J's multiple bindings.
// part2.ts — Elasticsearch 8's default security refusing a client's unauthenticated queries; an SQS
// queue URL moved to another region by a ConfigMap edit; JSONDecodeError from an upstream's HTML 503 page;
// a native addon built for another Node.js ABI; a node group whose instance type caps pods per node; nginx's
// client_max_body_size lowered by a ConfigMap edit; and a healthy control: nginx's http2 deprecation warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_89_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
