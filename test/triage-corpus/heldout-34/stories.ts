// Held-out stories, thirty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test`
// grades. Written by two writers apart:
//
// part1.ts — new nodes left tainted `uninitialized` because the cloud-controller-manager is down,
// so an HPA's new pods stay Pending; a Service made headless whose port no longer translates to
// its targetPort, so clients are refused; a ConfigMap mounted with subPath whose new database host
// never reached the running pods; a chiseled .NET image without ICU aborting at startup (exit 134);
// an HPA held back by the namespace's requests.cpu quota; a misspelled Spring profile falling back
// to a localhost datasource; and a healthy control: an image server logging broken pipes after its
// caller's redeploy.
// part2.ts — an in-cluster memcached (-m 64) full of large items ("SERVER_ERROR out of memory
// storing object"); an nginx gateway dialing the old clusterIP of a recreated upstream Service; a
// parallel Job whose pods share one ReadWriteOnce claim (Multi-Attach); a Postgres whose Helm
// reinstall deleted its volume, so the app finds no table; a ReplicaSet orphaned by a
// `--cascade=orphan` delete still serving the old API; a CPU limit cut making startup outlast the
// startup probe; and a healthy control: Postgres during its nightly pg_basebackup.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_34_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
