// Held-out stories, forty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Temporal workflows failing replay (nondeterminism) after an unversioned workflow change;
// Stripe webhooks failing signature checks after the signing secret moved; an old MySQL client
// refused caching_sha2_password after the server's 8.0 upgrade; Kafka brokers advertising names
// that do not resolve; an OPA sidecar denying everything without its bundle; CockroachDB 40001
// restarts left unretried; and a healthy control: long polls logged as slow requests.
// part2.ts — HAProxy's maxconn cut in a ConfigMap queueing requests into 503s; a Kafka consumer
// killed before its commit on every rollout; a migration's ALTER TABLE queued behind a long
// transaction; Envoy failing closed without its rate-limit service; Logback's AsyncAppender
// blocking request threads on an unreachable Graylog; bcrypt filling Node's libuv pool; and a
// healthy control: gunicorn recycling workers by design.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_44_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
