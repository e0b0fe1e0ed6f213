// ReplicaSets (Deployment) and ControllerRevisions (StatefulSet) → RevisionEvidence: what each
// rollout ran (images, env, resources), so "what changed" is a diff of two revisions.
// Env values are copied only from literal `value`s; anything from a Secret or ConfigMap stays a
// reference and is never resolved (the bot has no access to Secrets, by design).
import type * as k8s from '@kubernetes/client-node';
import type { RevisionEvidence } from '../../domain/triage/evidence.js';
import { toIsoTime } from './map-common.js';
import { mapPodTemplate, mapRevisionContainer } from './map-template.js';
import { DEPLOYMENT_REVISION_ANNOTATION, parseRevision } from './map-workload.js';

const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** Set by the deployment controller when an undo brings an old ReplicaSet back: "12" or "3,5". */
const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';

function parseRevisionHistory(value: string | undefined): number[] {
  return (value ?? '').split(',').flatMap((v) => (/^\s*\d+\s*$/.test(v) ? [Number(v)] : []));
}

/** undefined for a ReplicaSet without a revision annotation (not made by a Deployment). */
export function mapReplicaSet(rs: k8s.V1ReplicaSet): RevisionEvidence | undefined {
  const meta = rs.metadata ?? {};
  const revision = parseRevision(meta.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]);
  if (revision === undefined) return undefined;
  const out: RevisionEvidence = {
    revision,
    name: meta.name ?? '',
    hash: meta.labels?.['pod-template-hash'] ?? '',
    createdAt: toIsoTime(meta.creationTimestamp) ?? '',
    containers: (rs.spec?.template?.spec?.containers ?? []).map(mapRevisionContainer),
    template: mapPodTemplate(rs.spec?.template?.spec, rs.spec?.template?.metadata?.labels ?? {}, rs.spec?.template?.metadata?.annotations ?? {}),
  };
  if (rs.status?.replicas !== undefined) out.replicas = rs.status.replicas;
  const cause = meta.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause !== undefined) out.changeCause = cause;
  const former = parseRevisionHistory(meta.annotations?.[REVISION_HISTORY_ANNOTATION]);
  if (former.length > 0) out.formerRevisions = former;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The pod spec in a ControllerRevision's `data`: for apps/v1 StatefulSets and DaemonSets a patch
 * holding `spec.template`. `data` is raw JSON (the client does not type it); its fields have the
 * same names as V1PodSpec, so after a shape check it is read as one.
 */
function podSpecOfRevisionData(data: unknown): k8s.V1PodSpec | undefined {
  const spec = isObject(data) ? data['spec'] : undefined;
  const template = isObject(spec) ? spec['template'] : undefined;
  const podSpec = isObject(template) ? template['spec'] : undefined;
  if (!isObject(podSpec)) return undefined;
  const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'].filter((c): c is k8s.V1Container => isObject(c) && typeof c['name'] === 'string') : [];
  return { ...(podSpec as unknown as k8s.V1PodSpec), containers };
}

/** The template labels or annotations in a ControllerRevision's `data`, when it carries them. */
function metadataOfRevisionData(data: unknown, field: 'labels' | 'annotations'): Record<string, string> | undefined {
  const spec = isObject(data) ? data['spec'] : undefined;
  const template = isObject(spec) ? spec['template'] : undefined;
  const metadata = isObject(template) ? template['metadata'] : undefined;
  const map = isObject(metadata) ? metadata[field] : undefined;
  if (!isObject(map)) return undefined;
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function containersOfRevisionData(data: unknown): k8s.V1Container[] {
  return podSpecOfRevisionData(data)?.containers ?? [];
}

export function mapControllerRevision(cr: k8s.V1ControllerRevision, owner: 'StatefulSet' | 'DaemonSet' = 'StatefulSet'): RevisionEvidence {
  const meta = cr.metadata ?? {};
  const name = meta.name ?? '';
  const out: RevisionEvidence = {
    revision: cr.revision,
    name,
    // Pods of a StatefulSet carry the whole revision name as controller-revision-hash; pods of a
    // DaemonSet carry only the hash, which the revision has as its own label.
    hash: owner === 'DaemonSet' ? (meta.labels?.['controller-revision-hash'] ?? name) : name,
    createdAt: toIsoTime(meta.creationTimestamp) ?? '',
    containers: containersOfRevisionData(cr.data).map(mapRevisionContainer),
    template: mapPodTemplate(podSpecOfRevisionData(cr.data), metadataOfRevisionData(cr.data, 'labels'), metadataOfRevisionData(cr.data, 'annotations')),
  };
  // The StatefulSet controller copies the set's annotations onto each revision.
  const cause = meta.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause !== undefined) out.changeCause = cause;
  return out;
}

/** Objects controlled by `uid`: ownerReferences is how the controllers record ownership. */
export function isOwnedBy(meta: k8s.V1ObjectMeta | undefined, uid: string | undefined): boolean {
  if (uid === undefined) return false;
  return (meta?.ownerReferences ?? []).some((o) => o.uid === uid);
}
