// Held-out stories, ninety-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — MongoDB transactions refused by a standalone a ConfigMap edit pointed at; a gRPC server's
// revision that renamed its proto package; an S3 bucket in another region; Go's "concurrent map writes"
// since a revision; .NET's inotify instance limit since a revision reloads many mounted files; Kafka
// consumers evicted in a loop since a revision raised max.poll.records; and a healthy control: boto3's
// Python 3.8 deprecation warning.
// part2.ts (kinds its writer chose) — a Flyway checksum mismatch in a migration Job; a claim pending on a
// deleted StorageClass; nginx reusing upstream connections the server already closed; an arm64-only image
// on amd64 nodes; a fourth replica kept off three nodes by required anti-affinity; a tab in a mounted YAML
// config; and a healthy control: Redis' overcommit and somaxconn warnings.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_95_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
