// Held-out stories, ninety-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a forced HTTPS redirect behind a proxy that ends TLS (redirect loops); a .NET service whose
// new build misses a dependency-injection registration; a Rails app whose revision swapped the Secret that
// set secret_key_base; nginx's "host not found in upstream" after a Service was renamed; a Gemfile.lock
// made for another platform; a CronJob whose shared base image lost /bin/bash; and a healthy control:
// Werkzeug's development-server warning.
// part2.ts — a certificate that does not list the host name a ConfigMap edit moved the client to; Kafka
// brokers whose stored cluster id no longer matches a re-created ZooKeeper; an env var referencing one
// defined after it; blocking calls stalling an asyncio service's event loop; a node whose root file system
// went read-only; an egress proxy given in-cluster calls by a NO_PROXY that misses them; and a healthy
// control: npm's update notice.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_91_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
