// Who writes a workload's fields: managedFields entries (server-side field ownership) and the
// markers a GitOps tool leaves on the objects it tracks. Copied as the API gives them.
import type * as k8s from '@kubernetes/client-node';
import type { FieldOwnerEvidence, WorkloadEvidence } from '../../domain/triage/evidence.js';
import { assignDefined, toIsoTime } from './map-common.js';

/** The managers that own `spec.<field>` (`f:replicas`), newest write first. */
export function listSpecFieldOwners(meta: k8s.V1ObjectMeta, field: string): FieldOwnerEvidence[] {
  return listFieldOwners(meta, ['f:spec', field]);
}

/** The managers that own the annotation `key` (`metadata.annotations[key]`), newest write first. */
export function listAnnotationOwners(meta: k8s.V1ObjectMeta, key: string): FieldOwnerEvidence[] {
  return listFieldOwners(meta, ['f:metadata', 'f:annotations', `f:${key}`]);
}

/** The managers that wrote any of the object's annotations, newest write first. */
export function listAnnotationsOwners(meta: k8s.V1ObjectMeta): FieldOwnerEvidence[] {
  return listFieldOwners(meta, ['f:metadata', 'f:annotations']);
}

/** The managers whose fieldsV1 hold `path` (`['f:spec', 'f:replicas']`), newest write first. */
function listFieldOwners(meta: k8s.V1ObjectMeta, path: readonly string[]): FieldOwnerEvidence[] {
  const owners = (meta.managedFields ?? []).flatMap((f) => {
    let node: unknown = f.fieldsV1;
    for (const step of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
    if (node === undefined) return [];
    return [assignDefined<FieldOwnerEvidence>({ manager: f.manager ?? 'unknown' }, { operation: f.operation, subresource: f.subresource || undefined, at: toIsoTime(f.time) })];
  });
  return owners.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

/** Marker keys of GitOps tools: Argo CD's tracking annotation and instance label, Flux's ownership labels. */
const GITOPS_MARKERS: { tool: 'Argo CD' | 'Flux'; key: string; where: 'annotation' | 'label' }[] = [
  { tool: 'Argo CD', key: 'argocd.argoproj.io/tracking-id', where: 'annotation' },
  { tool: 'Argo CD', key: 'argocd.argoproj.io/instance', where: 'label' },
  { tool: 'Flux', key: 'kustomize.toolkit.fluxcd.io/name', where: 'label' },
  { tool: 'Flux', key: 'helm.toolkit.fluxcd.io/name', where: 'label' },
];

/** The GitOps tool that tracks the object, with the marker that says so; undefined when none does. */
export function findGitOpsMarker(meta: k8s.V1ObjectMeta): WorkloadEvidence['gitOps'] {
  for (const m of GITOPS_MARKERS) {
    const value = (m.where === 'annotation' ? meta.annotations : meta.labels)?.[m.key];
    if (value !== undefined) return { tool: m.tool, marker: `${m.where} ${m.key}=${value}` };
  }
  return undefined;
}
