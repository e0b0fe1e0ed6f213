// Held-out stories, twenty-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a shell-form entrypoint that never passes SIGTERM to the JVM, so every old pod waits
// out a 900 s grace period and the rollout crawls; a Service re-created IPv6 single-stack in front
// of an app that binds IPv4 only; a minimal base image without a locale (non-ASCII file names
// fail); a full Postgres volume whose resize the StorageClass cannot do; a node whose container
// runtime hangs (PLEG is not healthy); an Indexed Job whose one big shard is OOM-killed on every
// retry; and a healthy control: an HPA held at its maximum by its stabilization window.
// part2.ts — health endpoints put behind a login (probes get 401); a LimitRange's
// maxLimitRequestRatio refusing a new revision; HTTPS_PROXY without NO_PROXY sending in-cluster
// calls to the corporate proxy; a 15 GB image still pulling past the progress deadline; the EBS
// CSI node plugin crash-looping on one node; an optional ConfigMap key renamed under the app; and
// a healthy control: a Postgres replica killed by its liveness probe during a backup hours ago.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_25_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
