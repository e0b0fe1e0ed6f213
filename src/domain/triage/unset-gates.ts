/**
 * Readiness gates whose condition is not on the pod at all: declared in spec.readinessGates, and
 * no controller ever wrote the condition. The kubelet says so in the Ready condition
 * (ReadinessGatesNotReady: `corresponding condition of pod readiness gate "X" does not exist.`);
 * the declared gates say it too when that message is not there to read.
 */
import type { PodEvidence } from './evidence-pod.js';
import { msBetween } from './time-span.js';

const MISSING = /corresponding condition of pod readiness gate "([^"]+)" does not exist/g;

/** The gates the kubelet reports as having no condition, from a Ready condition's message. */
export function parseUnsetGates(message: string | undefined): string[] {
  return [...(message ?? '').matchAll(MISSING)].map((m) => m[1] ?? '').filter((g) => g !== '');
}

/** The pod's gates that have no condition of their type: declared and never set. */
export function findUnsetGates(pod: Pick<PodEvidence, 'conditions' | 'readinessGates'>): string[] {
  const present = new Set(pod.conditions.map((c) => c.type));
  const ready = pod.conditions.find((c) => c.type === 'Ready');
  const named = [...(pod.readinessGates ?? []), ...(ready?.status === 'True' ? [] : parseUnsetGates(ready?.message))];
  return [...new Set(named)].filter((g) => !present.has(g));
}

/** Whether the pod carries the gate at all: declares it, or has its condition (set long ago). */
export function carriesGate(pod: Pick<PodEvidence, 'conditions' | 'readinessGates'>, gate: string): boolean {
  return (pod.readinessGates ?? []).includes(gate) || pod.conditions.some((c) => c.type === gate);
}

/** Conditions the kubelet and the scheduler write; any other on a pod comes from a readiness gate. */
export const BUILT_IN_CONDITIONS: ReadonlySet<string> = new Set(['PodScheduled', 'Initialized', 'ContainersReady', 'Ready', 'PodReadyToStartContainers', 'DisruptionTarget', 'PodHasNetwork', 'PodResizePending', 'PodResizeInProgress']);

/** A gate whose condition does not exist after this long is not on its way: nothing writes it. */
export const UNSET_GRACE_MS = 5 * 60_000;

/** Running, not ready, every container ready: what holds the pod is outside its containers. */
export function isHeldPastContainers(pod: PodEvidence): boolean {
  if (pod.ready || pod.phase !== 'Running' || pod.deletionTimestamp !== undefined) return false;
  const containersReady = pod.conditions.find((c) => c.type === 'ContainersReady');
  return containersReady?.status === 'True' || (pod.containers.length > 0 && pod.containers.every((c) => c.ready));
}

/**
 * The gate a pod waits on whose condition nobody wrote, once its containers have been ready past
 * the grace; undefined when a gate condition exists but is not True (its writer runs and says no).
 */
export function findLongUnsetGate(pod: PodEvidence, collectedAt: string): string | undefined {
  if (!isHeldPastContainers(pod)) return undefined;
  if (pod.conditions.some((c) => !BUILT_IN_CONDITIONS.has(c.type) && c.status !== 'True')) return undefined;
  const [missing] = findUnsetGates(pod);
  const since = pod.conditions.find((c) => c.type === 'ContainersReady')?.lastTransitionTime ?? pod.startTime;
  return missing !== undefined && since !== undefined && msBetween(since, collectedAt) >= UNSET_GRACE_MS ? missing : undefined;
}
