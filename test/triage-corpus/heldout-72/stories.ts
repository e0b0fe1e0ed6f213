// Held-out stories, seventy-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — application.properties saved with CRLF endings; a new node image's registry mirror
// unreachable; a Mongo cursor timed out under slow per-document work in a nightly Job; OpenSSL 3
// refusing a bank's unsafe legacy renegotiation; a faulted single-replica Longhorn volume; a Block
// claim mounted through volumeMounts; and a healthy control: Java 11's illegal reflective access
// warning.
// part2.ts — a RuntimeClass's pod overhead no longer fitting the sandbox nodes; kube-proxy's
// legacy iptables on a new node image; a migration dropping a column under old pods of a paused
// rollout; JAVA_OPTS ignored by a distroless base image; AlwaysPreTouch against a startup probe;
// bcrypt saturating libuv's threadpool; and a healthy control: Puma's single-worker cluster-mode
// warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_72_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
