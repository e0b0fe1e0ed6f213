// The namespace around a workload: Services and their EndpointSlices (derived from the pods, as
// the controller would), NetworkPolicies, claims and volumes, HPAs, quotas, ConfigMaps.
import type * as k8s from '@kubernetes/client-node';
import { DAYS, ago, nameSuffix, uidOf } from './clock.js';
import type { KubeJson } from './workloads.js';

export interface ServiceOpts {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  /** Default `[{ name: 'http', port: 80, targetPort: 'http' }]`. */
  ports?: { name?: string; port: number; targetPort: number | string; protocol?: 'TCP' | 'UDP' }[];
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  createdAgo?: number;
  /** Default: an address derived from the name. */
  clusterIP?: string;
  /**
   * A headless Service for a StatefulSet's stable names: clusterIP None and
   * publishNotReadyAddresses, so its EndpointSlice lists every pod as ready.
   */
  headless?: boolean;
}

export function service(o: ServiceOpts): k8s.V1Service {
  const ip = o.headless ? 'None' : (o.clusterIP ?? `172.20.${nameSuffix(o.name).charCodeAt(0) % 250}.${nameSuffix(o.name).charCodeAt(1) % 250}`);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: o.name, namespace: o.namespace, uid: uidOf(`service/${o.namespace}/${o.name}`), creationTimestamp: ago(o.createdAgo ?? 120 * DAYS), labels: { app: o.name } },
    spec: {
      type: o.type ?? 'ClusterIP',
      selector: o.selector,
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      ports: (o.ports ?? [{ name: 'http', port: 80, targetPort: 'http' }]).map((p) => ({ ...(p.name === undefined ? {} : { name: p.name }), port: p.port, targetPort: p.targetPort, protocol: p.protocol ?? 'TCP' })),
      ...(o.headless ? { publishNotReadyAddresses: true } : {}),
    },
    status: { loadBalancer: {} },
  };
}

function matches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/**
 * The EndpointSlice the controller keeps for a Service: every scheduled, running pod it selects,
 * ready as the pod's Ready condition says (every pod that is not terminating, when the Service
 * publishes not-ready addresses). `port` is the resolved target port.
 */
export function endpointSliceFor(svc: k8s.V1Service, pods: readonly k8s.V1Pod[], port = 8080): k8s.V1EndpointSlice {
  const name = svc.metadata?.name ?? '';
  const namespace = svc.metadata?.namespace ?? '';
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const selected = pods.filter((p) => matches(svc.spec?.selector ?? {}, p.metadata?.labels) && p.spec?.nodeName !== undefined && p.status?.podIP !== undefined && p.status.phase !== 'Failed' && p.status.phase !== 'Succeeded');
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${name}-${nameSuffix(`slice/${name}`)}`,
      namespace,
      uid: uidOf(`endpointslice/${namespace}/${name}`),
      creationTimestamp: svc.metadata?.creationTimestamp ?? ago(120 * DAYS),
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': name, ...(svc.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}) },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: selected.map((p) => {
      const ready = (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      const terminating = p.metadata?.deletionTimestamp !== undefined;
      return {
        addresses: [p.status?.podIP ?? ''],
        conditions: { ready: (ready || publishNotReady) && !terminating, serving: ready, terminating },
        nodeName: p.spec?.nodeName ?? '',
        targetRef: { kind: 'Pod', name: p.metadata?.name ?? '', namespace, uid: p.metadata?.uid ?? '' },
      };
    }),
    ports: [{ name: (svc.spec?.ports?.[0]?.name ?? 'http'), port, protocol: 'TCP' }],
  };
}

/** A Service and its EndpointSlice for the given pods. */
export function exposed(o: ServiceOpts & { pods: readonly k8s.V1Pod[]; endpointPort?: number }): (k8s.V1Service | k8s.V1EndpointSlice)[] {
  const svc = service(o);
  return [svc, endpointSliceFor(svc, o.pods, o.endpointPort)];
}

/**
 * A NetworkPolicy as the API serves it. Rules use the wire's field names (`from`, `except`), not
 * the TypeScript client's (`_from`, `_except`); an empty podSelector selects every pod.
 */
export function networkPolicy(o: {
  namespace: string;
  name: string;
  createdAgo: number;
  podSelector: Record<string, string>;
  policyTypes: ('Ingress' | 'Egress')[];
  ingress?: { from?: k8s.V1NetworkPolicyPeer[]; ports?: k8s.V1NetworkPolicyPort[] }[];
  egress?: k8s.V1NetworkPolicyEgressRule[];
}): KubeJson & { spec: Record<string, unknown> } {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: o.name, namespace: o.namespace, uid: uidOf(`networkpolicy/${o.namespace}/${o.name}`), creationTimestamp: ago(o.createdAgo), generation: 1 },
    spec: {
      podSelector: Object.keys(o.podSelector).length === 0 ? {} : { matchLabels: o.podSelector },
      policyTypes: o.policyTypes,
      ...(o.ingress === undefined ? {} : { ingress: o.ingress }),
      ...(o.egress === undefined ? {} : { egress: o.egress }),
    },
  };
}

export function pvc(o: { namespace: string; name: string; storage: string; storageClass?: string | null; phase: 'Pending' | 'Bound' | 'Lost'; volumeName?: string; accessModes?: string[]; createdAgo?: number; labels?: Record<string, string>; annotations?: Record<string, string> }): k8s.V1PersistentVolumeClaim {
  const bound = o.phase === 'Bound';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      uid: uidOf(`pvc/${o.namespace}/${o.name}`),
      creationTimestamp: ago(o.createdAgo ?? 60 * DAYS),
      finalizers: ['kubernetes.io/pvc-protection'],
      ...(o.labels === undefined ? {} : { labels: o.labels }),
      annotations: {
        ...(bound ? { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' } : {}),
        ...o.annotations,
      },
    },
    spec: {
      accessModes: o.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.storage } },
      ...(o.storageClass === null ? {} : { storageClassName: o.storageClass ?? 'gp3' }),
      volumeMode: 'Filesystem',
      ...(o.volumeName === undefined ? {} : { volumeName: o.volumeName }),
    },
    status: { phase: o.phase, ...(bound ? { accessModes: o.accessModes ?? ['ReadWriteOnce'], capacity: { storage: o.storage } } : {}) },
  };
}

export interface PvOpts {
  name: string;
  storage: string;
  /** The zone a zonal volume (EBS) is pinned to by its node affinity; none for a network filesystem. */
  zone?: string;
  claim: { namespace: string; name: string };
  storageClass?: string;
  phase?: 'Bound' | 'Released' | 'Available' | 'Failed';
  createdAgo?: number;
  /** Default: an EBS volume (ebs.csi.aws.com, ext4) with a handle derived from the name. */
  csi?: { driver: string; volumeHandle: string };
  accessModes?: string[];
  reclaimPolicy?: 'Delete' | 'Retain';
  /** Created by hand or by Terraform, not by the CSI provisioner: no provisioner annotations or finalizer. */
  static?: boolean;
  labels?: Record<string, string>;
}

/** A CSI volume: by default EBS, pinned to one zone by its node affinity, as the CSI driver provisions it. */
export function pv(o: PvOpts): k8s.V1PersistentVolume {
  const csi = o.csi ?? { driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeHandle: `vol-0${uidOf(o.name).replace(/-/g, '').slice(0, 16)}`, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '1729000000000-5280-ebs.csi.aws.com' } };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: o.name,
      uid: uidOf(`pv/${o.name}`),
      creationTimestamp: ago(o.createdAgo ?? 60 * DAYS),
      ...(o.static ? {} : { annotations: { 'pv.kubernetes.io/provisioned-by': csi.driver, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' } }),
      finalizers: [...(o.static ? [] : ['external-provisioner.volume.kubernetes.io/finalizer']), 'kubernetes.io/pv-protection'],
      ...(o.labels === undefined ? {} : { labels: o.labels }),
    },
    spec: {
      accessModes: o.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: o.storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: o.claim.name, namespace: o.claim.namespace, uid: uidOf(`pvc/${o.claim.namespace}/${o.claim.name}`) },
      csi,
      ...(o.zone === undefined ? {} : { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [o.zone] }] }] } } }),
      persistentVolumeReclaimPolicy: o.reclaimPolicy ?? 'Delete',
      storageClassName: o.storageClass ?? 'gp3',
      volumeMode: 'Filesystem',
    },
    status: { phase: o.phase ?? 'Bound' },
  };
}

/** The name the external provisioner gives a claim's volume: `pvc-<claim uid>`. */
export function volumeOf(namespace: string, claim: string): string {
  return `pvc-${uidOf(`pvc/${namespace}/${claim}`)}`;
}

/** A claim Bound to its EBS volume in `zone` (named after the claim unless `volumeName` is given). */
export function boundClaim(o: { namespace: string; name: string; storage: string; zone: string; createdAgo: number; storageClass?: string; labels?: Record<string, string>; volumeName?: string }): [k8s.V1PersistentVolumeClaim, k8s.V1PersistentVolume] {
  const volumeName = o.volumeName ?? volumeOf(o.namespace, o.name);
  return [
    pvc({ namespace: o.namespace, name: o.name, storage: o.storage, phase: 'Bound', volumeName, createdAgo: o.createdAgo, ...(o.storageClass === undefined ? {} : { storageClass: o.storageClass }), ...(o.labels === undefined ? {} : { labels: o.labels }) }),
    pv({ name: volumeName, storage: o.storage, zone: o.zone, claim: { namespace: o.namespace, name: o.name }, createdAgo: o.createdAgo, ...(o.storageClass === undefined ? {} : { storageClass: o.storageClass }) }),
  ];
}

export function hpa(o: { namespace: string; name: string; target: { kind: string; name: string }; min: number; max: number; current: number; desired: number; cpu?: { current: number; target: number; averageValue?: string }; conditions?: k8s.V2HorizontalPodAutoscalerCondition[]; lastScaleAgo?: number; metricsUnavailable?: boolean }): k8s.V2HorizontalPodAutoscaler {
  const cpu = o.cpu ?? { current: 45, target: 70 };
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: o.name, namespace: o.namespace, uid: uidOf(`hpa/${o.namespace}/${o.name}`), creationTimestamp: ago(100 * DAYS) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: o.target.kind, name: o.target.name },
      minReplicas: o.min,
      maxReplicas: o.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu.target } } }],
    },
    status: {
      currentReplicas: o.current,
      desiredReplicas: o.desired,
      ...(o.lastScaleAgo === undefined ? {} : { lastScaleTime: ago(o.lastScaleAgo) }),
      // No reading when the metrics API does not answer (`<unknown>/70%` in kubectl get hpa). Default: a reading.
      ...(o.metricsUnavailable ? {} : { currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpu.current, averageValue: cpu.averageValue ?? '180m' } } }] }),
      conditions: o.conditions ?? [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(3 * DAYS) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(3 * DAYS) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
      ],
    },
  };
}

export function resourceQuota(o: { namespace: string; name: string; createdAgo: number; hard: Record<string, string>; used: Record<string, string>; updatedAgo?: number }): k8s.V1ResourceQuota {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      uid: uidOf(`quota/${o.namespace}/${o.name}`),
      creationTimestamp: ago(o.createdAgo),
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', time: ago(o.updatedAgo ?? o.createdAgo), fieldsType: 'FieldsV1', fieldsV1: {} }],
    },
    spec: { hard: o.hard },
    status: { hard: o.hard, used: o.used },
  };
}

export function limitRange(o: { namespace: string; name: string; createdAgo: number; limits: k8s.V1LimitRangeItem[] }): k8s.V1LimitRange {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: o.name, namespace: o.namespace, uid: uidOf(`limitrange/${o.namespace}/${o.name}`), creationTimestamp: ago(o.createdAgo) },
    spec: { limits: o.limits },
  };
}

/** A ConfigMap; `updatedAgo` is when its data last changed (managedFields carry the time). */
export function configMap(o: { namespace: string; name: string; createdAgo: number; updatedAgo?: number; data: Record<string, string> }): k8s.V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      uid: uidOf(`configmap/${o.namespace}/${o.name}`),
      creationTimestamp: ago(o.createdAgo),
      managedFields: [
        { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(o.createdAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } },
        ...(o.updatedAgo === undefined ? [] : [{ manager: 'kubectl-edit', operation: 'Update', apiVersion: 'v1', time: ago(o.updatedAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }]),
      ],
    },
    data: o.data,
  };
}

/**
 * A Namespace with its labels (e.g. the Pod Security Admission ones); `labelledAgo` is when a
 * manager (`labelledBy`, default kubectl-label) last changed them (managedFields carry the time).
 */
export function namespace(o: { name: string; createdAgo: number; labels?: Record<string, string>; labelledAgo?: number; labelledBy?: string }): k8s.V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: o.name,
      uid: uidOf(`namespace/${o.name}`),
      creationTimestamp: ago(o.createdAgo),
      labels: { 'kubernetes.io/metadata.name': o.name, ...o.labels },
      managedFields: [
        { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(o.createdAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} } } },
        ...(o.labelledAgo === undefined ? [] : [{ manager: o.labelledBy ?? 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: ago(o.labelledAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} } } }]),
      ],
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
