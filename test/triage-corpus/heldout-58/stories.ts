// Held-out stories, fifty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — sentry-sdk imported before gevent's monkey-patching (ssl RecursionError); a JetStream
// consumer stuck at max_ack_pending after a revision stopped acking rejects; a Redis Streams group
// whose pending entries belong to consumers named after replaced pods; an Elasticsearch index left
// at refresh_interval -1 by a crashed reindex Job; a StatefulSet whose whenScaled: Delete policy
// emptied a Redis Cluster member; a removed CPU limit making the Downward API report the node's CPUs
// as a worker count; and a healthy control: a Kafka consumer's lag warnings while it drains a burst.
// part2.ts — botocore's read timeout under SQS long polling; a file-descriptor leak failing only
// the oldest pods; a Cloud SQL Auth Proxy v2 sidecar given v1 flags; an entrypoint's pipefail on a
// `grep -c` with no match; a Postgres client certificate re-issued with another common name; a
// thread pool per request; and a healthy control: ASP.NET Core's "No XML encryptor" warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_58_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
