/**
 * The pods a recent scale-up added, apart from those that ran before it. Clients that keep their
 * connections (HTTP/2, gRPC, pooled keep-alive) stay on the pods that existed when they
 * connected; comparing the two groups' logs shows whether the new pods got any of the load.
 * Pure: the adapter uses it to sample logs of both groups, the analyzer to compare them.
 */
import type { IsoTime } from './evidence-spec.js';
import type { PodEvidence } from './evidence-pod.js';
import { msBetween } from './time-span.js';

/** A scale-up older than this is settled: the clients have long reconnected or never will. */
const SCALE_UP_WINDOW_MS = 6 * 3600_000;
/** Pods created closer together than this came in one wave (a rollout's surge, one scale-up). */
const MIN_GAP_MS = 10 * 60_000;

export interface ScaleUpCohorts {
  /** When the first pod of the scale-up was created. */
  at: IsoTime;
  /** Ready pods that ran before it, oldest first. */
  before: PodEvidence[];
  /** Ready pods it added, oldest first. */
  after: PodEvidence[];
}

/**
 * Ready pods of one revision split at the widest gap between creation times, when the younger
 * side is recent. Young pods of another revision are a rollout, not a scale-up: no split.
 */
export function splitByScaleUp(pods: readonly PodEvidence[], collectedAt: IsoTime): ScaleUpCohorts | undefined {
  const ready = pods.filter((p) => p.ready && p.phase === 'Running' && p.createdAt !== undefined && p.deletionTimestamp === undefined)
    .sort((a, b) => Date.parse(a.createdAt!) - Date.parse(b.createdAt!));
  let cut = -1;
  let widest = 0;
  for (let i = 1; i < ready.length; i++) {
    const gap = msBetween(ready[i - 1]!.createdAt!, ready[i]!.createdAt!);
    if (gap > widest) (widest = gap, cut = i);
  }
  if (cut < 0 || widest < MIN_GAP_MS) return undefined;
  const before = ready.slice(0, cut);
  const after = ready.slice(cut);
  const at = after[0]!.createdAt!;
  if (msBetween(at, collectedAt) > SCALE_UP_WINDOW_MS) return undefined;
  const revisions = new Set(before.map((p) => p.revisionHash));
  if (after.some((p) => p.revisionHash === undefined || !revisions.has(p.revisionHash))) return undefined;
  return { at, before, after };
}
