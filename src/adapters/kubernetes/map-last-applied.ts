// What `kubectl apply` last wrote: the kubectl.kubernetes.io/last-applied-configuration annotation
// (client-side apply) holds the object as applied. A live field that differs from it was changed
// by something else afterwards — a hand edit, a patch.
import type * as k8s from '@kubernetes/client-node';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations are capped at 256 KiB in all; a larger value is not one kubectl wrote. */
const MAX_ANNOTATION_CHARS = 256 * 1024;

/** The object as last applied; undefined when there is no annotation or it is not a JSON object. */
export function readLastApplied(meta: k8s.V1ObjectMeta | undefined): Record<string, unknown> | undefined {
  const text = meta?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (text === undefined || text.length > MAX_ANNOTATION_CHARS) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A CronJob's spec.schedule as last applied; undefined when not recorded. */
export function readAppliedSchedule(meta: k8s.V1ObjectMeta | undefined): string | undefined {
  const spec = readLastApplied(meta)?.['spec'];
  const schedule = spec !== null && typeof spec === 'object' ? (spec as Record<string, unknown>)['schedule'] : undefined;
  return typeof schedule === 'string' && schedule.trim() !== '' ? schedule : undefined;
}

/** spec.concurrencyPolicy as last applied, when the annotation sets it. */
export function readAppliedConcurrencyPolicy(meta: k8s.V1ObjectMeta | undefined): string | undefined {
  const spec = readLastApplied(meta)?.['spec'];
  const policy = isRecord(spec) ? spec['concurrencyPolicy'] : undefined;
  return typeof policy === 'string' && policy.trim() !== '' ? policy : undefined;
}

/** The pod template's init containers applied with restartPolicy Always (native sidecars), by name. */
export function readAppliedSidecars(meta: k8s.V1ObjectMeta | undefined): string[] {
  const spec = readLastApplied(meta)?.['spec'];
  const template = isRecord(spec) ? spec['template'] : undefined;
  const podSpec = isRecord(template) ? template['spec'] : undefined;
  const inits = isRecord(podSpec) ? podSpec['initContainers'] : undefined;
  if (!Array.isArray(inits)) return [];
  return inits.flatMap((c: unknown) => (isRecord(c) && c['restartPolicy'] === 'Always' && typeof c['name'] === 'string' ? [c['name']] : [])).slice(0, 20);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
