// Held-out stories, ninety-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a revision that moved a service to IRSA while its AWS SDK predates web identity; a
// certificate re-issued by a CA the clients' bundle lacks; Node 18's strict header parser against a legacy
// API; a revision that dropped tini, zombies up to the pids limit; a binary built for a newer CPU dying
// with SIGILL on the older node pool; Express's 100kb body limit against a caller's larger bodies; and a
// healthy control: nginx's "user" directive and buffering warnings.
// part2.ts — a MongoDB client pinned to one member with directConnection after an election moved the
// primary; Redis BUSY under another service's keyspace-walking script; .NET out of ephemeral ports from a
// client per request; a CronJob's Job refused for a PriorityClass that no longer exists; a DaemonSet
// absent from a tainted node group; and one its writer chose: Go 1.23 refusing a certificate with a
// negative serial number; and a healthy control: nginx's ssl_stapling warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_99_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
