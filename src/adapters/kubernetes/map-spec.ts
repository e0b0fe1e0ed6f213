// The spec side of pods and templates → evidence: env (references never resolved), mounts,
// volumes, and where a pod may run.
import type * as k8s from '@kubernetes/client-node';
import { formatSelector } from './label-selector.js';
import type {
  EnvFromEvidence,
  EnvVarEvidence,
  NodeRequirementEvidence,
  PlacementEvidence,
  PodAffinityTermEvidence,
  TolerationEvidence,
  ProjectedSourceEvidence,
  VolumeEvidence,
  VolumeMountEvidence,
} from '../../domain/triage/evidence.js';

export function mapEnvVar(e: k8s.V1EnvVar): EnvVarEvidence {
  const from = e.valueFrom;
  if (from === undefined) return { name: e.name, value: e.value ?? '' };
  // optional: true makes a missing key leave the variable unset instead of failing the start.
  if (from.secretKeyRef !== undefined) return { name: e.name, ref: { ...toRef('secret', from.secretKeyRef.name, from.secretKeyRef.key), ...(from.secretKeyRef.optional === true ? { optional: true } : {}) } };
  if (from.configMapKeyRef !== undefined) return { name: e.name, ref: { ...toRef('configMap', from.configMapKeyRef.name, from.configMapKeyRef.key), ...(from.configMapKeyRef.optional === true ? { optional: true } : {}) } };
  if (from.fieldRef !== undefined) return { name: e.name, ref: { kind: 'field', key: from.fieldRef.fieldPath } };
  if (from.resourceFieldRef !== undefined) {
    const { containerName, resource, divisor } = from.resourceFieldRef;
    // The divisor decides the unit the app reads (bytes without one); "1" is the API's default.
    const unit = divisor === undefined || String(divisor) === '1' ? {} : { divisor: String(divisor) };
    return { name: e.name, ref: { ...toRef('resource', containerName, resource), ...unit } };
  }
  if (from.fileKeyRef !== undefined) {
    // A key of an env file in a volume (KEP-5018). The evidence type has no 'file' kind; 'field'
    // with the volume as name keeps it a reference and keeps its value out of the evidence.
    return { name: e.name, ref: toRef('field', from.fileKeyRef.volumeName, `${from.fileKeyRef.path}:${from.fileKeyRef.key}`) };
  }
  return { name: e.name, ref: { kind: 'field' } };
}

function toRef(kind: 'secret' | 'configMap' | 'field' | 'resource', name: string | undefined, key: string | undefined): Extract<EnvVarEvidence, { ref: unknown }>['ref'] {
  return { kind, ...(name === undefined ? {} : { name }), ...(key === undefined ? {} : { key }) };
}

export function mapEnvFrom(list: readonly k8s.V1EnvFromSource[] | undefined): EnvFromEvidence[] {
  const out: EnvFromEvidence[] = [];
  for (const s of list ?? []) {
    // The kubelet puts the prefix before every key of the source: the names the container sees.
    const prefix = s.prefix ? { prefix: s.prefix } : {};
    if (s.secretRef !== undefined) out.push({ kind: 'secret', name: s.secretRef.name ?? '', ...prefix });
    if (s.configMapRef !== undefined) out.push({ kind: 'configMap', name: s.configMapRef.name ?? '', ...prefix });
  }
  return out;
}

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The API's default expirationSeconds of a serviceAccountToken projection. */
const DEFAULT_TOKEN_SECONDS = 3600;

/**
 * How long the projected service-account token the containers read at the service-account path
 * lives: the volume mounted there (the injected kube-api-access-* one, or the spec's own).
 */
export function mapTokenLifetime(spec: k8s.V1PodSpec | undefined): number | undefined {
  const mounted = new Set([...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.mountPath.replace(/\/+$/, '') === SA_PATH).map((m) => m.name)));
  const volume = (spec?.volumes ?? []).find((v) => mounted.has(v.name));
  const token = volume?.projected?.sources?.find((s) => s.serviceAccountToken !== undefined)?.serviceAccountToken;
  return token === undefined ? undefined : token.expirationSeconds ?? DEFAULT_TOKEN_SECONDS;
}

/** Mounts that say something about the app; the service-account token mount every pod gets does not. */
export function mapVolumeMounts(list: readonly k8s.V1VolumeMount[] | undefined): VolumeMountEvidence[] {
  return (list ?? [])
    // The token volume the API server injects (kube-api-access-*) is noise; a volume the spec itself
    // mounts at the service-account path (a legacy token Secret) is evidence.
    .filter((m) => !(m.mountPath === SA_PATH && m.name.startsWith('kube-api-access')))
    .map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}), ...(m.subPath ? { subPath: m.subPath } : {}) }));
}

/** 420 (0644) is what the API server fills in; any other mode was chosen and can lock a non-root process out. */
function fileMode(mode: number | undefined): { mode?: string } {
  return mode === undefined || mode === 420 ? {} : { mode: `0${mode.toString(8)}` };
}

/** The keys an items list projects; absent when the volume projects every key. */
function itemKeys(items: readonly k8s.V1KeyToPath[] | undefined): { items?: string[] } {
  return items === undefined || items.length === 0 ? {} : { items: items.map((i) => i.key) };
}

/** A projected volume's ConfigMap and Secret sources, in order (its token and Downward API sources say nothing of files that may collide). */
function mapProjectedSources(sources: readonly k8s.V1VolumeProjection[] | undefined): ProjectedSourceEvidence[] {
  return (sources ?? []).flatMap((s): ProjectedSourceEvidence[] => {
    if (s.configMap?.name) return [{ kind: 'configMap', name: s.configMap.name, ...itemKeys(s.configMap.items) }];
    if (s.secret?.name) return [{ kind: 'secret', name: s.secret.name, ...itemKeys(s.secret.items) }];
    return [];
  });
}

function mapVolume(v: k8s.V1Volume): VolumeEvidence {
  const base = { name: v.name };
  if (v.persistentVolumeClaim) return { ...base, source: 'pvc', ref: v.persistentVolumeClaim.claimName };
  if (v.configMap) return { ...base, source: 'configMap', ...(v.configMap.name ? { ref: v.configMap.name } : {}), ...fileMode(v.configMap.defaultMode), ...itemKeys(v.configMap.items) };
  if (v.secret) return { ...base, source: 'secret', ...(v.secret.secretName ? { ref: v.secret.secretName } : {}), ...fileMode(v.secret.defaultMode), ...itemKeys(v.secret.items) };
  if (v.emptyDir) return { ...base, source: 'emptyDir', ...(v.emptyDir.medium ? { medium: v.emptyDir.medium } : {}), ...(v.emptyDir.sizeLimit !== undefined ? { sizeLimit: String(v.emptyDir.sizeLimit) } : {}) };
  if (v.hostPath) return { ...base, source: 'hostPath', ref: v.hostPath.path };
  if (v.projected) {
    const audience = v.projected.sources?.find((s) => s.serviceAccountToken?.audience)?.serviceAccountToken?.audience;
    const projectedSources = mapProjectedSources(v.projected.sources);
    return { ...base, source: 'projected', ...(audience ? { audience } : {}), ...(projectedSources.length > 0 ? { projectedSources } : {}) };
  }
  if (v.csi) return { ...base, source: 'csi', ref: v.csi.driver };
  if (v.nfs) return { ...base, source: 'nfs', ref: `${v.nfs.server}:${v.nfs.path}` };
  return { ...base, source: 'other' };
}

/** The pod's volumes without the service-account token volume every pod gets. */
export function mapVolumes(list: readonly k8s.V1Volume[] | undefined): VolumeEvidence[] {
  return (list ?? []).filter((v) => !(v.projected && v.name.startsWith('kube-api-access'))).map(mapVolume);
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);

export function mapNodeSelectorTerms(terms: readonly k8s.V1NodeSelectorTerm[] | undefined): NodeRequirementEvidence[][] {
  return (terms ?? []).map((t) =>
    (t.matchExpressions ?? [])
      .filter((e) => OPERATORS.has(e.operator))
      .map((e) => ({ key: e.key, operator: e.operator as NodeRequirementEvidence['operator'], values: [...(e.values ?? [])] })),
  );
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

function mapToleration(t: k8s.V1Toleration): TolerationEvidence {
  return {
    ...(t.key ? { key: t.key } : {}),
    operator: t.operator === 'Exists' ? 'Exists' : 'Equal',
    ...(t.value ? { value: t.value } : {}),
    ...(t.effect && EFFECTS.has(t.effect) ? { effect: t.effect as TolerationEvidence['effect'] } : {}),
    ...(t.tolerationSeconds !== undefined && t.tolerationSeconds !== null ? { tolerationSeconds: t.tolerationSeconds } : {}),
  };
}

export function mapPlacement(spec: k8s.V1PodSpec | undefined): PlacementEvidence {
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const pinnedNode = findPinnedNode(terms);
  const spread = (spec?.topologySpreadConstraints ?? []).map((c) => ({
    topologyKey: c.topologyKey,
    whenUnsatisfiable: c.whenUnsatisfiable === 'ScheduleAnyway' ? ('ScheduleAnyway' as const) : ('DoNotSchedule' as const),
    maxSkew: c.maxSkew,
    ...(c.minDomains !== undefined ? { minDomains: c.minDomains } : {}),
    ...(c.nodeTaintsPolicy === 'Honor' || c.nodeTaintsPolicy === 'Ignore' ? { nodeTaintsPolicy: c.nodeTaintsPolicy as 'Honor' | 'Ignore' } : {}),
  }));
  return {
    nodeSelector: { ...spec?.nodeSelector },
    requiredNodeAffinity: mapNodeSelectorTerms(terms),
    tolerations: (spec?.tolerations ?? []).map(mapToleration),
    ...(pinnedNode !== undefined ? { pinnedNode } : {}),
    ...(spread.length > 0 ? { topologySpread: spread } : {}),
    ...mapPodAffinity(spec?.affinity),
  };
}

const SELECTOR_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function mapPodAffinityTerm(t: k8s.V1PodAffinityTerm): PodAffinityTermEvidence {
  return {
    matchLabels: { ...t.labelSelector?.matchLabels },
    matchExpressions: (t.labelSelector?.matchExpressions ?? [])
      .filter((e) => SELECTOR_OPERATORS.has(e.operator))
      .map((e) => ({ key: e.key, operator: e.operator as NodeRequirementEvidence['operator'], values: [...(e.values ?? [])] })),
    topologyKey: t.topologyKey,
    ...(t.namespaces !== undefined && t.namespaces.length > 0 ? { namespaces: [...t.namespaces] } : {}),
    ...(t.namespaceSelector !== undefined && t.namespaceSelector !== null ? { namespaceSelector: formatSelector(t.namespaceSelector) } : {}),
  };
}

/** The required pod affinity and anti-affinity terms; the preferred ones never keep a pod Pending. */
function mapPodAffinity(affinity: k8s.V1Affinity | undefined): Pick<PlacementEvidence, 'requiredPodAffinity' | 'requiredPodAntiAffinity'> {
  const near = affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const apart = affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return {
    ...(near.length > 0 ? { requiredPodAffinity: near.map(mapPodAffinityTerm) } : {}),
    ...(apart.length > 0 ? { requiredPodAntiAffinity: apart.map(mapPodAffinityTerm) } : {}),
  };
}

/** The DaemonSet controller pins each pod to its node with matchFields metadata.name In [node]. */
function findPinnedNode(terms: readonly k8s.V1NodeSelectorTerm[] | undefined): string | undefined {
  const names = (terms ?? []).flatMap((t) => (t.matchFields ?? []).filter((f) => f.key === 'metadata.name' && f.operator === 'In').flatMap((f) => f.values ?? []));
  return names.length === 1 ? names[0] : undefined;
}
