/**
 * How far back from a failure's onset a change is a suspect — a rollout, a node's newcomer, a
 * Job, an edit of the cluster DNS — and how much clock skew is forgiven the other way. One window
 * for every kind of change, so the verdict's "no change found in the 2h before it began" is true
 * of all of them.
 */
import type { IsoTime } from './evidence.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** A change this long before the failure began is a suspect; older ones are not. */
export const TRIGGER_WINDOW_MS = 2 * HOUR_MS;
/** Clock skew and event batching: a failure this much "before" the change still counts. */
export const TRIGGER_SKEW_MS = 2 * MINUTE_MS;

/** A change inside the window before the onset (or within the skew after it). */
export function isInTriggerWindow(change: IsoTime | undefined, onset: IsoTime | undefined): boolean {
  if (change === undefined || onset === undefined) return false;
  const gap = msBetween(change, onset);
  return gap >= -TRIGGER_SKEW_MS && gap <= TRIGGER_WINDOW_MS;
}
