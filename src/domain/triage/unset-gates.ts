/**
 * Readiness gates whose condition is not on the pod at all: declared in spec.readinessGates, and
 * no controller ever wrote the condition. The kubelet says so in the Ready condition
 * (ReadinessGatesNotReady: `corresponding condition of pod readiness gate "X" does not exist.`);
 * the declared gates say it too when that message is not there to read.
 */
import type { PodEvidence } from './evidence-pod.js';

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
