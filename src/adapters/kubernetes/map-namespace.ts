// The namespace being deleted → evidence: when the delete was asked for, its phase, and the
// namespace controller's conditions that are True (what content and finalizers still hold it);
// the node selector its annotation has admission merge into every pod, and the mesh proxy injection it asks for.
import type * as k8s from '@kubernetes/client-node';
import type { NamespaceDeletionEvidence } from '../../domain/triage/evidence-namespace.js';
import type { MeshInjectionEvidence } from '../../domain/triage/evidence-mesh-injection.js';
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

/**
 * The mesh proxy injection the namespace asks for: Istio's injection label (or revision label),
 * Linkerd's inject annotation. undefined when it asks for none (or turns it off).
 */
export function mapMeshInjection(ns: k8s.V1Namespace): MeshInjectionEvidence | undefined {
  const labels = ns.metadata?.labels ?? {};
  const annotations = ns.metadata?.annotations ?? {};
  if (labels['istio-injection'] === 'enabled') return { mesh: 'Istio', setting: 'istio-injection=enabled' };
  const rev = labels['istio.io/rev'];
  if (rev !== undefined && rev !== '' && labels['istio-injection'] !== 'disabled') return { mesh: 'Istio', setting: `istio.io/rev=${rev}` };
  if (annotations['linkerd.io/inject'] === 'enabled') return { mesh: 'Linkerd', setting: 'linkerd.io/inject: enabled' };
  return undefined;
}
