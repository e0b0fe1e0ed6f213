// Held-out stories, forty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a MinIO cluster that lost write quorum when two pods' zone-pinned claims lost their
// zone's node; a query revised to sort past Postgres' temp_file_limit; a feature-flag znode grown
// past the ZooKeeper client's jute.maxbuffer; an image rebuilt on an old boto3 that ignores IRSA and
// uses the node's role (AccessDenied); an nginx sidecar's per-client-IP limit_req behind an ingress
// controller; a ConfigMap pointing at https:// a dependency that speaks plain HTTP; and a healthy
// control: Envoy UC resets from a peer's rollout and NXDOMAIN answers for ndots expansions.
// part2.ts — Flink checkpoints refused by S3 (AccessDenied) restarting the job again and again; a
// StatefulSet's Block-mode claim listed under volumeMounts; MySQL's tmpdir moved to a small memory
// emptyDir ("The table … is full"); a framework upgrade that dropped CORS preflight handling (405
// to OPTIONS); a clamd sidecar without signatures because an egress NetworkPolicy blocks freshclam;
// an nginx `proxy_pass` with a variable and no `resolver`; and a healthy control: WARN lines for
// idempotent calls that succeeded on their first retry.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_46_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
