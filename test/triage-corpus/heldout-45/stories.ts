// Held-out stories, forty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a MariaDB Galera cluster restarted all at once that none of its nodes may bootstrap;
// a Patroni primary that demoted itself when the API refused its leader-lock update (403) after an
// RBAC change; Kafka consumers sharing one group.instance.id that fence each other; a Redis ACL
// ConfigMap edit that dropped scripting (NOPERM on EVALSHA); S3 uploads failing on a disabled KMS
// key; an image with zstd layers the old node group's containerd cannot unpack; and a healthy
// control: autovacuum and checkpoint hints in the database's log, one liveness failure long ago.
// part2.ts — a RabbitMQ cluster rebuilt from definitions that never had a binding (NO_ROUTE); an
// elasticsearch-py 8 client against OpenSearch (UnsupportedProductError); pods held SchedulingGated
// by a gate whose controller was scaled to 0; a pod pinned with spec.nodeName whose
// WaitForFirstConsumer claim is never provisioned; Spring virtual threads pinned to their carriers
// by synchronized JDBC I/O; a Postgres standby that cannot catch up (WAL segment already removed);
// and a healthy control: a public site's logs full of bot-scan 404s and DeprecationWarnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_45_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
