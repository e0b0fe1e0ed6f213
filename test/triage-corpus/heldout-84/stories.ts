// Held-out stories, eighty-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an image reference made invalid by an uppercase branch name; a glibc binary on a musl
// base image; a ConfigMap's YAML broken by an edit, crashing only the pods started since; a clean-up
// CronJob that deleted the live search index; a migration Job refused table ownership under a
// least-privilege role; an AWS SDK that cannot find its region since a revision; and a healthy
// control: SLF4J's no-providers warning.
// part2.ts — RabbitMQ's delivery acknowledgement timeout since a prefetch was raised; an import
// CronJob refused by PostgreSQL for a Latin-1 file; MongoDB write conflicts with a new bulk CronJob;
// SameSite=Strict sessions breaking an OIDC login callback; a Kafka broker probed over HTTP on its
// own port; nginx sending to a re-created Service's old ClusterIP; and a healthy control: Python
// 3.12's utcnow deprecation warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_84_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
