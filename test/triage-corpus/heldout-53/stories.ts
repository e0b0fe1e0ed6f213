// Held-out stories, fifty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a new node pool's pod range overlapping an on-prem database subnet; ASP.NET Core's Data
// Protection key ring kept per pod after a scale-up; a wheel built for AVX-512 dying with SIGILL on
// older nodes; sharp's glibc build on an Alpine base; ODBC Driver 18 encrypting by default against a
// self-signed SQL Server; a shared Redis evicting session keys under allkeys-lru; and a healthy
// control: Elasticsearch slowlog warnings after a completed shard recovery.
// part2.ts — an AMQP channel leak at channel_max; a MongoDB pool cut to 10 connections; Elasticsearch
// too_many_buckets from a new dashboard; a fat jar without the s3a FileSystem; JDK 21 refusing a
// Security Manager; Python 3.12 without distutils; and a healthy control: a circuit breaker closed
// again after a carrier's maintenance.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_53_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
