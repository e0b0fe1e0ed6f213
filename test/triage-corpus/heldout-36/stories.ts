// Held-out stories, thirty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — ClickHouse refusing a writer's tiny insert batches ("Too many parts"); a Vault token
// at its max TTL 32 days after the pods logged in; a JVM whose code cache a revision shrank
// ("CodeCache is full. Compiler has been disabled."); a .NET API starving its thread pool with
// sync-over-async calls; an SQS consumer whose batches outlast the visibility timeout (duplicates,
// ReceiptHandleIsInvalid); a DaemonSet whose nodeSelector no node matches (0 desired); and a
// healthy control: a gRPC service logging load-balancer handshake EOFs and its own GOAWAYs.
// part2.ts — an Apache HttpClient pool at its default 2 connections per route; a client calling a
// TLS service by a name its certificate does not list; a Redis Cluster client's MGET across hash
// slots (CROSSSLOT); an int4 id sequence at 2147483647; a partner API version sunset (410 Gone); a
// Service selector carrying pod-template-hash, empty since the next rollout; and a healthy
// control: a JVM service right after a rollout whose pods logged startup-probe failures while
// booting.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_36_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
