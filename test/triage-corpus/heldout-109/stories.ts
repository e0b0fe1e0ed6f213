// Held-out stories, hundred-and-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — node:18's resolver order sending calls to IPv6 in an IPv4-only cluster; Guaranteed pods refused by a single-
// numa-node topology manager; an old libpq refused by a database switched to scram-sha-256; a bookworm rebase
// refusing a SHA-1 client certificate; and its writer's choices, a liveness probe that checks a Redis still
// loading and a Forbid CronJob behind a hung run; and a healthy control: pods rescheduled by a planned drain two
// hours ago.
// part2.ts — gunicorn workers sized by the host's CPUs, OOMKilled only on a 96-core pool; automountServiceAccountToken:
// false breaking client-go's in-cluster config; an old MongoDB driver refusing servers upgraded to 8.0; a client
// that is not cluster-aware after Redis moved to cluster mode; and its writer's choices, a recursive fsGroup
// chown holding a StatefulSet pod in ContainerCreating and a copied Deployment's label matched by another
// Service's selector; and a healthy control: a CronJob whose old failed Job is kept in history.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_109_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
