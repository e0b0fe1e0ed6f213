// Held-out stories, ninety-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an ECR pull token expired in a pull secret whose refresher CronJob fails; RabbitMQ closing a
// consumer's channel on its acknowledgement timeout since a revision raised prefetch; Python's ascii codec
// since a base image dropped the UTF-8 locale; MySQL's "Too many connections" after an HPA scale-out; a
// native gRPC liveness probe answered NOT_SERVING since a revision tied health to a slow dependency; Vault
// sealed after its node rebooted, an app's vault-agent init failing; and a healthy control: Java's illegal
// reflective access warning.
// part2.ts — a node re-joined with a new pod CIDR while its cni0 bridge kept the old address; ClickHouse's
// "Too many parts" since a revision inserts row by row; a Kafka group renamed with no offset reset policy; a
// schema validation failing on a column the release's migration Job never added; Redis WRONGTYPE between two
// revisions of one rollout; and one its writer chose: Elasticsearch indices read-only at the flood stage
// since a retention CronJob was left suspended; and a healthy control: Kafka's unknown-config warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_96_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
