// Held-out stories, ninety-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — two Deployments of one Rails app whose secret_key_base a revision split; tokens refused for
// an issuer that moved with Keycloak's hostname setting; a Debezium history topic deleted by a retention
// default; Celery's soft time limit lowered below a task's run; Elasticsearch refusing a string in a numeric
// field; PostgreSQL's data directory owned by another uid after an image and runAsUser change; and a
// healthy control: PyTorch's DataLoader worker warning.
// part2.ts — an ESM-only dependency required from CommonJS; a node whose conntrack table is full; a
// gateway keeping idle upstream connections longer than the server does; pods evicted past their
// ephemeral-storage limit; a timeout set in milliseconds meant as seconds; a liveness probe allowed one
// second and one failure; and a healthy control: Node's punycode deprecation.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_94_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
