/**
 * Warnings of the workload's pods that are gone. A rollout deletes the old pods within seconds, and
 * what the kubelet said while it stopped them (a preStop hook that failed, a probe that failed during
 * the drain) is left only in the namespace's events, which the pod list no longer leads to. The
 * pods' names tell whose they were (`<ReplicaSet>-<5>`): the adapter says which names are the
 * workload's. Kept: the last hour's, of pods not listed now, not already read per pod.
 */
import type { EventEvidence, IsoTime } from './evidence.js';
import { RECENT_MS } from './pod-status.js';
import { isWithin } from './time-span.js';

const keyOf = (e: EventEvidence): string => `${e.object.kind}/${e.object.name}/${e.reason}/${e.firstSeen}`;

export function pickFormerPodWarnings(
  warnings: readonly EventEvidence[],
  seen: { isOwnPod: (name: string) => boolean; livePods: readonly string[]; read: readonly EventEvidence[]; collectedAt: IsoTime },
): EventEvidence[] {
  const live = new Set(seen.livePods);
  const read = new Set(seen.read.map(keyOf));
  return warnings.filter((e) =>
    e.object.kind === 'Pod' && !live.has(e.object.name) && !read.has(keyOf(e)) && isWithin(e.lastSeen, seen.collectedAt, RECENT_MS) && seen.isOwnPod(e.object.name));
}
