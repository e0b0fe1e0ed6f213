/**
 * Pods the workload's ReplicaSets created in the last hour that no longer exist: each was replaced.
 * The ReplicaSet's "Created pod: <name>" events name them; a pod gone soon after its creation, again
 * and again with no rollout, was taken away by something (an evictor, a descheduler, a person), and
 * the gone pod's own events say who. Pure: the adapter reads those events only when this says so.
 */
import type { EventEvidence, IsoTime, PodEvidence } from './evidence.js';
import { RECENT_MS } from './pod-status.js';
import { isWithin, msBetween } from './time-span.js';

export interface ReplacedPod {
  name: string;
  /** When its ReplicaSet created it. */
  createdAt: IsoTime;
}

/** Fewer replacements than this in an hour is a one-off (a node drained, a pod deleted by hand). */
export const CHURN_MIN = 2;

/** Newest first. */
export function listReplacedPods(events: readonly EventEvidence[], pods: readonly PodEvidence[], now: IsoTime): ReplacedPod[] {
  const live = new Set(pods.map((p) => p.name));
  // A pod its ReplicaSet deleted (a scale-down, a rollout) went by the controller's own hand.
  const deletedByController = new Set(events.flatMap((e) => (e.object.kind === 'ReplicaSet' && e.reason === 'SuccessfulDelete' ? [/^Deleted pod: (\S+)$/.exec(e.message.trim())?.[1] ?? ''] : [])));
  const out = new Map<string, ReplacedPod>();
  for (const e of events) {
    if (e.object.kind !== 'ReplicaSet' || e.reason !== 'SuccessfulCreate' || !isWithin(e.lastSeen, now, RECENT_MS)) continue;
    const name = /^Created pod: (\S+)$/.exec(e.message.trim())?.[1];
    if (name !== undefined && !live.has(name) && !deletedByController.has(name)) out.set(name, { name, createdAt: e.lastSeen });
  }
  return [...out.values()].sort((a, b) => msBetween(a.createdAt, b.createdAt));
}

/** The few replaced pods whose events are worth one read each: only when the replacing repeats. */
export function pickReplacedPods(events: readonly EventEvidence[], pods: readonly PodEvidence[], now: IsoTime, max = 3): string[] {
  const replaced = listReplacedPods(events, pods, now);
  return replaced.length < CHURN_MIN ? [] : replaced.slice(0, max).map((p) => p.name);
}
