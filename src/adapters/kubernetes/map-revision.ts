// ReplicaSets (Deployment) and ControllerRevisions (StatefulSet) → RevisionEvidence: what each
// rollout ran (images, env, resources), so "what changed" is a diff of two revisions.
// Env values are copied only from literal `value`s; anything from a Secret or ConfigMap stays a
// reference and is never resolved (the bot has no access to Secrets, by design).
import type * as k8s from '@kubernetes/client-node';
import type { EnvVarEvidence, RevisionContainerEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import { mapResources } from './map-container.js';
import { toIsoTime } from './map-common.js';
import { DEPLOYMENT_REVISION_ANNOTATION, parseRevision } from './map-workload.js';

const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export function mapEnvVar(e: k8s.V1EnvVar): EnvVarEvidence {
  const from = e.valueFrom;
  if (from === undefined) return { name: e.name, value: e.value ?? '' };
  if (from.secretKeyRef !== undefined) {
    return { name: e.name, ref: toRef('secret', from.secretKeyRef.name, from.secretKeyRef.key) };
  }
  if (from.configMapKeyRef !== undefined) {
    return { name: e.name, ref: toRef('configMap', from.configMapKeyRef.name, from.configMapKeyRef.key) };
  }
  if (from.fieldRef !== undefined) return { name: e.name, ref: { kind: 'field', key: from.fieldRef.fieldPath } };
  if (from.resourceFieldRef !== undefined) {
    return { name: e.name, ref: toRef('resource', from.resourceFieldRef.containerName, from.resourceFieldRef.resource) };
  }
  if (from.fileKeyRef !== undefined) {
    // A key of an env file in a volume (KEP-5018). The evidence type has no 'file' kind; 'field'
    // with the volume as name keeps it a reference and keeps its value out of the evidence.
    return { name: e.name, ref: toRef('field', from.fileKeyRef.volumeName, `${from.fileKeyRef.path}:${from.fileKeyRef.key}`) };
  }
  return { name: e.name, ref: { kind: 'field' } };
}

function toRef(
  kind: 'secret' | 'configMap' | 'field' | 'resource',
  name: string | undefined,
  key: string | undefined,
): { kind: 'secret' | 'configMap' | 'field' | 'resource'; name?: string; key?: string } {
  const ref: { kind: typeof kind; name?: string; key?: string } = { kind };
  if (name !== undefined) ref.name = name;
  if (key !== undefined) ref.key = key;
  return ref;
}

export function mapRevisionContainer(c: k8s.V1Container): RevisionContainerEvidence {
  const envFrom: RevisionContainerEvidence['envFrom'] = [];
  for (const s of c.envFrom ?? []) {
    if (s.secretRef !== undefined) envFrom.push({ kind: 'secret', name: s.secretRef.name ?? '' });
    if (s.configMapRef !== undefined) envFrom.push({ kind: 'configMap', name: s.configMapRef.name ?? '' });
  }
  return {
    name: c.name,
    image: c.image ?? '',
    env: (c.env ?? []).map(mapEnvVar),
    envFrom,
    resources: mapResources(c.resources),
  };
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
  };
  if (rs.status?.replicas !== undefined) out.replicas = rs.status.replicas;
  const cause = meta.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause !== undefined) out.changeCause = cause;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The containers of a ControllerRevision's `data`: for apps/v1 StatefulSets a patch holding
 * `spec.template`. `data` is raw JSON (the client does not type it); its container fields have
 * the same names as V1Container, so after a shape check it is read as one.
 */
export function containersOfRevisionData(data: unknown): k8s.V1Container[] {
  const spec = isObject(data) ? data['spec'] : undefined;
  const template = isObject(spec) ? spec['template'] : undefined;
  const podSpec = isObject(template) ? template['spec'] : undefined;
  const containers = isObject(podSpec) ? podSpec['containers'] : undefined;
  if (!Array.isArray(containers)) return [];
  return containers.filter((c): c is k8s.V1Container => isObject(c) && typeof c['name'] === 'string');
}

export function mapControllerRevision(cr: k8s.V1ControllerRevision): RevisionEvidence {
  const meta = cr.metadata ?? {};
  const name = meta.name ?? '';
  const out: RevisionEvidence = {
    revision: cr.revision,
    name,
    // Pods of a StatefulSet carry the whole revision name as controller-revision-hash.
    hash: name,
    createdAt: toIsoTime(meta.creationTimestamp) ?? '',
    containers: containersOfRevisionData(cr.data).map(mapRevisionContainer),
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
