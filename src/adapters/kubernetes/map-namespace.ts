// The namespace being deleted → evidence: when the delete was asked for, its phase, and the
// namespace controller's conditions that are True (what content and finalizers still hold it);
// and the node selector its annotation has admission merge into every pod.
import type * as k8s from '@kubernetes/client-node';
import type { NamespaceDeletionEvidence } from '../../domain/triage/evidence-namespace.js';
import { mapConditions, toIsoTime } from './map-common.js';

/** undefined when the namespace is not being deleted. */
export function mapNamespaceDeletion(ns: k8s.V1Namespace): NamespaceDeletionEvidence | undefined {
  const deletedAt = toIsoTime(ns.metadata?.deletionTimestamp);
  const phase = ns.status?.phase;
  if (deletedAt === undefined && phase !== 'Terminating') return undefined;
  return {
    ...(deletedAt === undefined ? {} : { deletedAt }),
    ...(phase === undefined ? {} : { phase }),
    conditions: mapConditions(ns.status?.conditions).filter((c) => c.status === 'True'),
  };
}

/** Annotations whose node selector admission merges into every pod of the namespace, first wins. */
const NODE_SELECTOR_ANNOTATIONS = ['scheduler.alpha.kubernetes.io/node-selector', 'openshift.io/node-selector'];

/** The namespace's default node selector annotation as written; undefined when it has none. */
export function mapDefaultNodeSelector(ns: k8s.V1Namespace): { annotation: string; value: string } | undefined {
  const annotations = ns.metadata?.annotations ?? {};
  const annotation = NODE_SELECTOR_ANNOTATIONS.find((a) => annotations[a] !== undefined);
  // An empty value is meaningful to the admission plugin (no default) but selects nothing here.
  const value = annotation === undefined ? undefined : annotations[annotation]?.trim();
  return annotation === undefined || value === undefined || value === '' ? undefined : { annotation, value: value.slice(0, 500) };
}
