// Held-out stories, hundred-and-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a nightly CronJob's table swap under an API's cached plans (could not open relation with OID);
// a GKE node pool without the metadata server; an HPA on a custom metric whose adapter is down; a revision's
// postStart hook that fails; an egress proxy's revision answering 417 to Expect: 100-continue; and its
// writer's choice, another team's Deployment reusing the Service's selector label; and a healthy control: an
// HPA scale-up's brief missing metrics.
// part2.ts — a MaxDirectMemorySize too low for Netty's buffers; a Node upgrade making an unhandled rejection
// fatal; a keyspace of replication factor 2 at LOCAL_QUORUM with one Cassandra pod down; urllib3 2 on an
// OpenSSL 1.0.2 base; a cgo binary on a static distroless image; and its writer's choice, JDK 17's strong
// encapsulation under cglib; and a healthy control: a Cassandra ring compacting.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_104_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
