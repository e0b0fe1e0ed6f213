// Held-out stories, twenty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a new pod stuck in ContainerCreating while the kubelet re-chowns millions of files
// for its fsGroup, a node whose clock runs behind (a token "not yet valid"), probes switched to
// HTTPS on a port that speaks plain HTTP, a duplicate PGHOST entry whose last value wins, a
// selector-less Service whose hand-written Endpoints keep a moved database's old IP, a Forbid
// CronJob whose hung run skips every schedule, and a healthy control: a workload rescheduled by a
// node-pool upgrade hours ago.
// part2.ts — a new node group whose MTU black-holes large packets, an indexer preempted by a
// higher-priority API its HPA scaled up, a ConfigMap mounted over a directory the app writes to,
// a rollback to a release older than the schema's rename, a schedulerName naming a scheduler
// that no longer runs, a StatefulSet pod with every node at its volume attach limit, and a
// healthy control: an hourly CronJob mid-run after an old failure.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_24_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
