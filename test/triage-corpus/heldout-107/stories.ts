// Held-out stories, hundred-and-seventh round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Puma threads above the ActiveRecord pool; ephemeral port exhaustion without keep-alive; an Erlang cookie
// mismatch in a RabbitMQ cluster; Python 3.12 without distutils; and its writer's choices, gRPC connections
// pinned to old pods after a scale-out and a CronJob's Job held open by an Istio sidecar; and a healthy control: a
// crash loop five hours ago.
// part2.ts — a MongoDB client with directConnection to a member no longer primary; a queue redeclared with another
// x-queue-type; and its writer's choices, an exec liveness probe timing out, a hostPort held by an agent
// DaemonSet, a PostgreSQL volume remounted read-only, and a node NotReady on PLEG; and a healthy control: an HPA
// scale-down.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_107_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
