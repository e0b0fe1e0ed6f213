/**
 * Pods that were deleted and have not gone. deletionTimestamp is the time by which the pod should
 * be gone (the request plus its grace period): the kubelet kills what still runs then. A pod
 * still there minutes after it is held by something: a finalizer nobody clears (the object stays
 * after its containers exit) or a kubelet that cannot finish (its node down or its runtime hung).
 */
import type { IsoTime, PodEvidence } from './evidence.js';
import { msBetween } from './time-span.js';

/** Past its deadline by this much, a deletion is stuck, not slow (a kubelet confirms within seconds). */
export const STUCK_TERMINATING_MS = 5 * 60_000;

export function isStuckTerminating(pod: PodEvidence, now: IsoTime): boolean {
  return pod.deletionTimestamp !== undefined && msBetween(pod.deletionTimestamp, now) > STUCK_TERMINATING_MS;
}

/** Every container of the pod has stopped (or never ran): nothing is left for the kubelet to kill. */
export function hasStoppedContainers(pod: PodEvidence): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return true;
  return pod.containers.length > 0 && pod.containers.every((c) => c.state !== undefined && 'terminated' in c.state);
}
