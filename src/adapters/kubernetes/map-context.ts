// The namespace around a workload → evidence: NetworkPolicies (what they select and let
// through), ResourceQuotas, PersistentVolumes, and any object's creation and last-change times.
import type * as k8s from '@kubernetes/client-node';
import type {
  IsoTime,
  NamespaceObjectEvidence,
  NetworkPolicyEvidence,
  PersistentVolumeEvidence,
  ResourceQuotaEvidence,
} from '../../domain/triage/evidence.js';
import type { ConfigKeySizeEvidence } from '../../domain/triage/evidence-config-size.js';
import type { LimitRangeItemEvidence } from '../../domain/triage/evidence-limit-range.js';
import type { LabelSelectorEvidence, PolicyPeerEvidence, PolicyRuleEvidence } from '../../domain/triage/evidence-policy-rules.js';
import { describeExpressions, formatSelector } from './label-selector.js';
import { copyMap, lastChangeOf, toIsoTime, toProtocol } from './map-common.js';
import { mapNodeSelectorTerms } from './map-spec.js';

export function namespaceObject(kind: NamespaceObjectEvidence['kind'], meta: k8s.V1ObjectMeta | undefined): NamespaceObjectEvidence {
  const out: NamespaceObjectEvidence = { kind, name: meta?.name ?? '' };
  const createdAt = toIsoTime(meta?.creationTimestamp);
  const changedAt = lastChangeOf(meta);
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (changedAt !== undefined && changedAt !== createdAt) out.changedAt = changedAt;
  return out;
}

/** Keys kept per ConfigMap: enough to see what a renamed key became, bounded for huge ones. */
const MAX_CONFIGMAP_KEYS = 100;

/** A LimitRange's items, each bound as the API gives it; an empty map is left out. */
export function mapLimitRange(l: k8s.V1LimitRange): NamespaceObjectEvidence {
  const limits = (l.spec?.limits ?? []).map((i) => {
    const out: LimitRangeItemEvidence = { type: i.type };
    const bounds: [keyof Omit<LimitRangeItemEvidence, 'type'>, Record<string, string> | undefined][] = [
      ['max', i.max], ['min', i.min], ['default', i._default], ['defaultRequest', i.defaultRequest], ['maxLimitRequestRatio', i.maxLimitRequestRatio],
    ];
    for (const [name, value] of bounds) if (value !== undefined && Object.keys(value).length > 0) out[name] = copyMap(value);
    return out;
  });
  return { ...namespaceObject('LimitRange', l.metadata), ...(limits.length > 0 ? { limits } : {}) };
}

/** Values from this size on are large enough to matter as an env string (Linux takes 128 KiB at most). */
const LARGE_VALUE_BYTES = 16 * 1024;
/** Large values whose size is kept per ConfigMap, biggest first. */
const MAX_LARGE_KEYS = 5;

/** The byte sizes of a ConfigMap's largest `data` values (only `data` can become env). */
function largeKeysOf(data: Record<string, string> | undefined): ConfigKeySizeEvidence[] {
  return Object.entries(data ?? {})
    .map(([key, value]) => ({ key, bytes: Buffer.byteLength(value, 'utf8') }))
    .filter((k) => k.bytes >= LARGE_VALUE_BYTES)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, MAX_LARGE_KEYS);
}

/** A ConfigMap's times, key names and the sizes of its large values; the values are dropped here, never kept. */
export function mapConfigMapObject(c: k8s.V1ConfigMap): NamespaceObjectEvidence {
  const keys = [...Object.keys(c.data ?? {}), ...Object.keys(c.binaryData ?? {})].slice(0, MAX_CONFIGMAP_KEYS);
  const largeKeys = largeKeysOf(c.data);
  return { ...namespaceObject('ConfigMap', c.metadata), keys, ...(largeKeys.length > 0 ? { largeKeys } : {}) };
}

function describePeers(peers: readonly k8s.V1NetworkPolicyPeer[] | undefined): string {
  if (peers === undefined || peers.length === 0) return 'anywhere';
  return peers
    .map((p) => {
      if (p.ipBlock) return `${p.ipBlock.cidr}${p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(',')}` : ''}`;
      const ns = p.namespaceSelector === undefined ? '' : `namespaces ${formatSelector(p.namespaceSelector) || '(all)'}`;
      const pods = p.podSelector === undefined ? '' : `pods ${formatSelector(p.podSelector) || '(all)'}`;
      return [ns, pods].filter(Boolean).join(' / ');
    })
    .join('; ');
}

function describePorts(ports: readonly k8s.V1NetworkPolicyPort[] | undefined): string {
  if (ports === undefined || ports.length === 0) return 'all ports';
  return ports.map((p) => `${p.protocol ?? 'TCP'}/${p.port ?? '*'}${p.endPort ? `-${p.endPort}` : ''}`).join(', ');
}

function mapSelector(sel: k8s.V1LabelSelector): LabelSelectorEvidence {
  const out: LabelSelectorEvidence = { matchLabels: copyMap(sel.matchLabels) };
  if (sel.matchExpressions?.length) out.matchExpressions = sel.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values ? { values: [...e.values] } : {}) }));
  return out;
}

function mapPeer(p: k8s.V1NetworkPolicyPeer): PolicyPeerEvidence {
  const out: PolicyPeerEvidence = {};
  if (p.namespaceSelector) out.namespaceSelector = mapSelector(p.namespaceSelector);
  if (p.podSelector) out.podSelector = mapSelector(p.podSelector);
  if (p.ipBlock) out.ipBlock = { cidr: p.ipBlock.cidr, ...(p.ipBlock.except?.length ? { except: [...p.ipBlock.except] } : {}) };
  return out;
}

function mapIngressRule(r: k8s.V1NetworkPolicyIngressRule): PolicyRuleEvidence {
  return {
    from: (r._from ?? []).map(mapPeer),
    ports: (r.ports ?? []).map((p) => ({ protocol: toProtocol(p.protocol), ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) })),
  };
}

export function mapNetworkPolicy(np: k8s.V1NetworkPolicy): NetworkPolicyEvidence {
  const spec = np.spec;
  const types = (spec?.policyTypes ?? (spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'])).filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress');
  const out: NetworkPolicyEvidence = {
    name: np.metadata?.name ?? '',
    podSelector: copyMap(spec?.podSelector?.matchLabels),
    policyTypes: types,
    ingress: (spec?.ingress ?? []).map((r) => `from ${describePeers(r._from)} on ${describePorts(r.ports)}`),
    egress: (spec?.egress ?? []).map((r) => `to ${describePeers(r.to)} on ${describePorts(r.ports)}`),
    ingressRules: (spec?.ingress ?? []).map(mapIngressRule),
  };
  const expressions = describeExpressions(spec?.podSelector);
  if (expressions.length > 0) out.podSelectorExpressions = expressions;
  const createdAt = toIsoTime(np.metadata?.creationTimestamp);
  const changedAt = lastChangeOf(np.metadata);
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (changedAt !== undefined && changedAt !== createdAt) out.changedAt = changedAt;
  return out;
}

export function mapQuota(q: k8s.V1ResourceQuota): ResourceQuotaEvidence {
  const out: ResourceQuotaEvidence = { name: q.metadata?.name ?? '', hard: copyMap(q.status?.hard ?? q.spec?.hard), used: copyMap(q.status?.used) };
  const scopes = [
    ...(q.spec?.scopes ?? []).map((name) => ({ name })),
    ...(q.spec?.scopeSelector?.matchExpressions ?? []).map((e) => ({ name: e.scopeName, operator: e.operator, ...(e.values && e.values.length > 0 ? { values: [...e.values] } : {}) })),
  ];
  if (scopes.length > 0) out.scopes = scopes;
  const createdAt = toIsoTime(q.metadata?.creationTimestamp);
  const changedAt = lastChangeOf(q.metadata);
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (changedAt !== undefined && changedAt !== createdAt) out.changedAt = changedAt;
  return out;
}

function driverOf(spec: k8s.V1PersistentVolumeSpec | undefined): string | undefined {
  if (spec === undefined) return undefined;
  if (spec.csi) return spec.csi.driver;
  for (const plugin of ['awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'nfs', 'hostPath', 'local', 'iscsi', 'cephfs', 'rbd'] as const) {
    if (spec[plugin] !== undefined) return plugin;
  }
  return undefined;
}

export function mapPersistentVolume(v: k8s.V1PersistentVolume): PersistentVolumeEvidence {
  const claim = v.spec?.claimRef;
  const out: PersistentVolumeEvidence = {
    name: v.metadata?.name ?? '',
    phase: v.status?.phase ?? 'Unknown',
    nodeAffinity: mapNodeSelectorTerms(v.spec?.nodeAffinity?.required?.nodeSelectorTerms),
  };
  if (claim?.name) out.claim = `${claim.namespace ?? ''}/${claim.name}`;
  if (claim?.uid) out.claimUid = claim.uid;
  if (v.spec?.persistentVolumeReclaimPolicy) out.reclaimPolicy = v.spec.persistentVolumeReclaimPolicy;
  if (v.spec?.storageClassName) out.storageClass = v.spec.storageClassName;
  const driver = driverOf(v.spec);
  if (driver !== undefined) out.driver = driver;
  const created = toIsoTime(v.metadata?.creationTimestamp);
  if (created !== undefined) out.createdAt = created;
  if (v.spec?.csi?.volumeHandle) out.volumeHandle = v.spec.csi.volumeHandle;
  const nfs = nfsOf(v.spec);
  if (nfs !== undefined) out.nfs = nfs;
  const fsType = v.spec?.csi?.fsType ?? v.spec?.awsElasticBlockStore?.fsType ?? v.spec?.gcePersistentDisk?.fsType ?? v.spec?.azureDisk?.fsType;
  if (fsType) out.fsType = fsType;
  const secret = credentialSecretOf(v.spec);
  if (secret !== undefined) out.credentialSecret = secret;
  if (v.spec?.mountOptions?.length) out.mountOptions = [...v.spec.mountOptions];
  return out;
}

/** The Secret a volume's node plugin logs in with, as the PV names it (the Secret itself is never read). */
function credentialSecretOf(spec: k8s.V1PersistentVolumeSpec | undefined): PersistentVolumeEvidence['credentialSecret'] {
  const refs: [string, { name?: string; namespace?: string } | undefined][] = [
    ['csi.nodeStageSecretRef', spec?.csi?.nodeStageSecretRef],
    ['csi.nodePublishSecretRef', spec?.csi?.nodePublishSecretRef],
    ['azureFile.secretName', spec?.azureFile ? { name: spec.azureFile.secretName, ...(spec.azureFile.secretNamespace ? { namespace: spec.azureFile.secretNamespace } : {}) } : undefined],
    ['cephfs.secretRef', spec?.cephfs?.secretRef],
    ['rbd.secretRef', spec?.rbd?.secretRef],
  ];
  const [field, ref] = refs.find(([, r]) => r?.name) ?? [];
  if (field === undefined || !ref?.name) return undefined;
  return { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}), field };
}

/** The export an in-tree NFS volume, or an NFS CSI driver's (nfs.csi.k8s.io: attributes server, share), mounts. */
function nfsOf(spec: k8s.V1PersistentVolumeSpec | undefined): PersistentVolumeEvidence['nfs'] {
  if (spec?.nfs?.server) return { server: spec.nfs.server, path: spec.nfs.path };
  const attrs = spec?.csi?.volumeAttributes;
  if (spec?.csi && /nfs/i.test(spec.csi.driver) && attrs?.['server']) return { server: attrs['server'], path: attrs['share'] ?? '/' };
  return undefined;
}
