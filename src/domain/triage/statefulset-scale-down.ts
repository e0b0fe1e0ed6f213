/**
 * Members a StatefulSet removed because its replicas were lowered: the controller deletes the
 * highest ordinals ("delete Pod <set>-<n> in StatefulSet <set> successful") and, unlike a
 * re-creation, makes no new pod for them. For a clustered store that is a member gone with its
 * share of the data (a Redis Cluster master's hash slots) unless that share was moved off first.
 */
import type { EventEvidence, FieldOwnerEvidence, IsoTime, TriageEvidence } from './evidence.js';
import { listEventsOf } from './evidence-lookup.js';
import { isWithin, msBetween } from './time-span.js';

const DELETED = /^delete Pod (\S+) in StatefulSet (\S+) successful$/;

/** A scale-down this recent can still be what the failures began with. */
const WINDOW_MS = 6 * 60 * 60_000;

/** A write of spec.replicas this close to the deletes is the scale-down itself. */
const SAME_WRITE_MS = 2 * 60_000;

export interface ScaledAwayMembers {
  /** The removed members, lowest ordinal first. */
  pods: string[];
  /** The replicas before: the highest removed ordinal plus one. */
  from: number;
  to: number;
  /** The last delete. */
  at: IsoTime;
  events: EventEvidence[];
  /** Who wrote spec.replicas then (managedFields), when it was written then and not by the controller. */
  writer?: FieldOwnerEvidence;
}

/** The StatefulSet's members deleted for a scale-down within the window: ordinals at or past spec.replicas that have no pod now. */
export function findScaledAwayMembers(ev: TriageEvidence): ScaledAwayMembers | undefined {
  const w = ev.workload;
  if (w?.kind !== 'StatefulSet') return undefined;
  const live = new Set(ev.pods.map((p) => p.name));
  const removed = listEventsOf(ev, 'StatefulSet', w.name).flatMap((e) => {
    const m = e.reason === 'SuccessfulDelete' ? DELETED.exec(e.message.trim()) : null;
    const pod = m?.[1];
    const ordinal = pod !== undefined && m?.[2] === w.name && pod.startsWith(`${w.name}-`) ? Number(pod.slice(w.name.length + 1)) : NaN;
    if (pod === undefined || !Number.isInteger(ordinal) || ordinal < w.specReplicas || live.has(pod) || !isWithin(e.lastSeen, ev.collectedAt, WINDOW_MS)) return [];
    return [{ pod, ordinal, event: e }];
  }).sort((a, b) => a.ordinal - b.ordinal);
  const last = removed.map((r) => r.event.lastSeen).sort((a, b) => msBetween(b, a)).at(-1);
  if (removed.length === 0 || last === undefined) return undefined;
  const writer = w.replicasOwners?.find((o) => o.at !== undefined && o.manager !== 'kube-controller-manager' && Math.abs(msBetween(o.at, last)) <= SAME_WRITE_MS);
  return {
    pods: removed.map((r) => r.pod),
    from: (removed.at(-1)?.ordinal ?? w.specReplicas) + 1,
    to: w.specReplicas,
    at: last,
    events: removed.map((r) => r.event),
    ...(writer ? { writer } : {}),
  };
}
