import type { PodEvidence } from './evidence.js';

/**
 * Why a container of the pod is none of the workload's doing: a mutating webhook added it at
 * admission (its annotations say which), and adds it to any revision's pods alike, so no rollback
 * removes it. Undefined when nothing says it was injected.
 */
export function describeInjected(pod: PodEvidence, container: string): string | undefined {
  const by = pod.injectedContainers?.find((c) => c.name === container)?.by;
  if (by === undefined) return undefined;
  return `container ${container} is not in the pod template: ${by} injected it at admission (a mutating webhook), into any revision's pods alike`;
}
