// Held-out stories, fifty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a JDK 8 base image without java.security.egd blocking on /dev/random until the
// startup probe kills it; nginx's proxy_next_upstream replaying POSTs (double charges); Spring's
// ddl-auto=create-drop dropping the tables at a pod's shutdown; express-rate-limit keying every
// client by a new load balancer's address; a volatile-lru Redis whose keys lost their TTL; BGSAVE
// unable to fork under vm.overcommit_memory=2 (MISCONF); and a healthy control: Tomcat's
// thread-leak warnings from a context reload hours ago.
// part2.ts — a failing local NVMe disk under one database replica; read_committed consumers stuck
// behind a transaction a killed producer left open; SCRAM against an old libpq; a DNS SRV lookup by
// a renamed Service port; a partner moved to TLS 1.3 only against JDK 8u212; an upstream's new enum
// value; and a healthy control: PHP-FPM's "seems busy" during the morning ramp.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_59_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
