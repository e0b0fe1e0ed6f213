// Held-out stories, ninety-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an HPA scale-out past MySQL's max_user_connections; a Google API's per-user read quota since
// a revision dropped its cache; classes built for a newer Java than the image's runtime; PostgreSQL's
// parallel workers out of the container's 64 MB /dev/shm; HAProxy's <NOSRV> after the backend moved its
// health endpoint; an etcd at its space quota without compaction; and a healthy control: the
// Elasticsearch client's "security features are not enabled" warning.
// part2.ts — a fail-fast config client whose config server is OOMKilled; gRPC's default receive limit
// passed since the server's revision raised its page size; writes sent to a read replica by a ConfigMap
// edit; a CronJob's pod waiting for a ConfigMap a chart renamed; a GPU node without its driver; HTTP
// probes against a port that now speaks TLS; and a healthy control: Envoy's deprecated-option notices.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_92_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
