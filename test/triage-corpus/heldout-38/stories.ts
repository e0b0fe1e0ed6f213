// Held-out stories, thirty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a release reading a Redis key family as another type (WRONGTYPE); a Deployment's pod
// template carrying a Job's activeDeadlineSeconds; a Kafka producer refused a new topic by its
// ACLs; uWSGI's listen queue full; PHP's memory_limit, not the container's; a partitioned table
// past Postgres' max_locks_per_transaction; and a healthy control: leader-election standbys
// logging at verbosity 4.
// part2.ts — an SSH key volume mounted 0644 that ssh refuses; an exec liveness marker file the
// app's own /tmp sweeper deletes; a partner's source-IP allow-list refusing a new node group's
// egress IP; an Elasticsearch index past its total-fields limit; a RabbitMQ queue at x-max-length
// rejecting publishes; a ConfigMap mounted with subPath that never reloads (the writer's free
// choice, a kind the corpus has); and a healthy control: a rate limiter answering a scraper 429.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_38_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
