// Held-out stories, twenty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — an app whose first call at start is refused because the Istio sidecar is not ready
// yet (holdApplicationUntilProxyStarts dropped), pods rejected by the static CPU manager
// (SMTAlignmentError, full-pcpus-only), a rollout flagged failed because minReadySeconds exceeds
// the progress deadline, writes refused after a Redis Sentinel failover (READONLY replica), 502s
// from ingress-nginx for upstream headers too big, a Multus NetworkAttachmentDefinition that does
// not exist, and a healthy control: a worker KEDA scaled to zero on an empty queue.
// part2.ts — an operator whose CRD's conversion webhook was scaled to zero, a CoreDNS stub domain
// removed from the Corefile, a zone's network partition from the database, a Recreate rollout
// waiting on a 15-minute drain, a SealedSecret no key can decrypt, MySQL's max_allowed_packet
// under bigger rows, and a healthy control: an Indexed Job halfway through its backfill.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_22_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
