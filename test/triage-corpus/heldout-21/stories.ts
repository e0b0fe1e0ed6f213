// Held-out stories, twenty-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — Netty direct memory exhausted after an HTTP client upgrade, an old webpack build
// broken by OpenSSL 3 after a base-image bump, report queries cancelled on a read replica by
// recovery conflicts, a Service re-created with a new ClusterIP while old pods dial the injected
// env var, containerd unable to reserve container names on an I/O-saturated node, a CronJob's pulls
// refused after its pull secret's robot account was rotated, and a healthy control: a Deployment
// paused on purpose for a canary.
// part2.ts — a CiliumNetworkPolicy dropping the app's egress to its database, the EBS CSI
// controller scaled to zero (new claims never provision), an HPA on memory whose target lies above
// the limit, a MongoDB replica set configured with pod IPs, a deleted Service's name swallowed by
// a wildcard search domain, a local-path volume pinned to a node that no longer exists, and a
// healthy control: a batch Job scaling out while nodes join.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_21_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
