// Held-out stories, seventy-fifth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an Akka cluster whose unreachable member is never downed; a pod egress-bandwidth
// annotation throttling uploads; a Localhost seccomp profile missing on a new node pool; record
// ids past 2^31-1 decoded into an int32; numpy 2 under extensions built for numpy 1.x; PHP's
// max_execution_time lowered under long exports; and a healthy control: the JDK's
// setSecurityManager deprecation warning.
// part2.ts — a failed CREATE INDEX CONCURRENTLY leaving an INVALID index after the old one was
// dropped; a managed Redis requiring TLS from a plaintext client; REQUESTS_CA_BUNDLE naming a file
// a new base image lacks; a StatefulSet whose serviceName names no Service; a CronJob run with
// backoffLimit 0 lost to one scale-down eviction; a Go WriteTimeout shorter than the slowest
// endpoint; and a healthy control: go-redis's maintnotifications handshake fallback.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_75_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
