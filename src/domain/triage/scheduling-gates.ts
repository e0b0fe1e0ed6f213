// Scheduling gates (spec.schedulingGates): a pod that still carries one is never handed to the
// scheduler (PodScheduled=False, reason SchedulingGated; no FailedScheduling event). Something
// outside — a controller, a queue such as Kueue, an admission webhook's partner — removes the gate
// when its own condition holds. A pod gated far longer than that takes waits on that remover, not
// on the revision: the gate is in the template of every revision whose pods got theirs lifted.
import type { PodEvidence } from './evidence-pod.js';
import { msBetween } from './time-span.js';

/** Longer than a working gate controller takes to lift a gate. */
export const GATED_GRACE_MS = 3 * 60_000;

/** Pods still carrying a scheduling gate past the grace, with the gates they carry. */
export function listGatedPods(pods: readonly PodEvidence[], now: string): { pod: PodEvidence; gates: string[] }[] {
  return pods.flatMap((pod) => {
    if (pod.nodeName !== undefined || pod.deletionTimestamp !== undefined) return [];
    const cond = pod.conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'SchedulingGated');
    const gates = pod.schedulingGates ?? [];
    if (cond === undefined && gates.length === 0) return [];
    const since = cond?.lastTransitionTime ?? pod.createdAt;
    if (since !== undefined && msBetween(since, now) < GATED_GRACE_MS) return [];
    return [{ pod, gates: gates.length > 0 ? gates : ['(unnamed)'] }];
  });
}

/** Words of a gate's name to match a controller's name ("platform.acme.io/capacity-reservation" → capacity, reservation). */
function gateWords(gate: string): string[] {
  const key = gate.split('/').pop() ?? gate;
  return key.split(/[^a-z0-9]+/i).filter((w) => w.length >= 4).map((w) => w.toLowerCase());
}

/** Whether a workload's name looks like the remover of the gate: a word of the gate's name, and "gate" (or the whole key). */
export function namedLikeGate(name: string, gate: string): boolean {
  const n = name.toLowerCase();
  const key = (gate.split('/').pop() ?? gate).toLowerCase();
  if (n.includes(key)) return true;
  return /gate/.test(n) && gateWords(gate).some((w) => n.includes(w));
}
