// Held-out stories, eightieth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — Postgres refusing values longer than a varchar column since an upstream release; Alembic's
// multiple heads failing a migration init container; a dependency's URL moved behind an auth proxy whose
// sign-in page is parsed as JSON; implicit TLS on the STARTTLS submission port; MySQL deadlocks with a
// new worker updating the same rows in the opposite order; Elasticsearch upgraded to 8 under a 7.x
// client; and a healthy control: SQLAlchemy's MovedIn20Warning at start.
// part2.ts — MongoDB 6.0 refusing an old driver's OP_QUERY; a new Postgres 15 database where the
// migration Job may not create in schema public; Spring Boot 2.6 with springfox failing at start; an
// ObjectMapper without the JSR-310 module; Python 3.12 without the imp module under boto 2; gRPC clients
// pinned to the pods that existed before an HPA scale-up; and a healthy control: paramiko's
// CryptographyDeprecationWarning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_80_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
