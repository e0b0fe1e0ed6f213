// The annotations a pod's env reads through the Downward API: which of them the pod carries.
import type * as k8s from '@kubernetes/client-node';

const ANNOTATION_FIELD = /^metadata\.annotations\[['"]([^'"\]]+)['"]\]$/;

/**
 * Whether the pod carries each annotation key an env fieldRef of its containers names; undefined
 * when none does. Only presence is kept: annotation values can be long and are not needed.
 */
export function mapDownwardAnnotations(pod: k8s.V1Pod): Record<string, boolean> | undefined {
  const carried = pod.metadata?.annotations ?? {};
  const out: Record<string, boolean> = {};
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const e of c.env ?? []) {
      const key = ANNOTATION_FIELD.exec(e.valueFrom?.fieldRef?.fieldPath?.trim() ?? '')?.[1];
      if (key !== undefined) out[key] = carried[key] !== undefined;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
