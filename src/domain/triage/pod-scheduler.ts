/**
 * Which scheduler binds a pod. Only the scheduler whose name the pod's spec.schedulerName gives
 * ever looks at it; the API server fills in default-scheduler when the spec names none.
 */
import type { PodTemplateEvidence } from './evidence-spec.js';
import type { PodEvidence } from './evidence-pod.js';

/** The scheduler a pod gets when its spec names none (kube-scheduler's own name). */
export const DEFAULT_SCHEDULER = 'default-scheduler';

/** The scheduler a pod or template asks for, unset read as the default. */
export function schedulerOf(spec: Pick<PodEvidence, 'schedulerName'> | Pick<PodTemplateEvidence, 'schedulerName'>): string {
  return spec.schedulerName ?? DEFAULT_SCHEDULER;
}
