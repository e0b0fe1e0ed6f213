// The mapping rules of evidence.ts on literal V1 objects: fallbacks, absent-vs-empty, and
// references that must never become values.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { toIsoTime } from '../../../src/adapters/kubernetes/map-common.js';
import { mapEvent } from '../../../src/adapters/kubernetes/map-event.js';
import { mapEndpointSlice, mapService } from '../../../src/adapters/kubernetes/map-network.js';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { mapPvc } from '../../../src/adapters/kubernetes/map-pvc.js';
import { mapPersistentVolume } from '../../../src/adapters/kubernetes/map-context.js';
import { containersOfRevisionData, mapReplicaSet } from '../../../src/adapters/kubernetes/map-revision.js';
import { mapEnvVar, mapPlacement, mapVolumes } from '../../../src/adapters/kubernetes/map-spec.js';
import { mapHooks, mapProbes } from '../../../src/adapters/kubernetes/map-container.js';
import { mapHpa } from '../../../src/adapters/kubernetes/map-hpa.js';
import { mapJob, mapWorkload } from '../../../src/adapters/kubernetes/map-workload.js';

describe('toIsoTime', () => {
  it('prints Dates as the API wrote them and keeps MicroTime strings as they came', () => {
    expect(toIsoTime(new Date('2026-11-21T03:02:11Z'))).toBe('2026-11-21T03:02:11Z');
    expect(toIsoTime('2026-11-21T03:02:11.123456Z')).toBe('2026-11-21T03:02:11.123456Z');
    expect(toIsoTime(null)).toBeUndefined();
    expect(toIsoTime(undefined)).toBeUndefined();
  });
});

describe('mapEvent', () => {
  const base: k8s.CoreV1Event = {
    metadata: { name: 'e', namespace: 'ns', creationTimestamp: new Date('2026-11-21T01:00:00Z') },
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'ns', uid: 'u1' },
    reason: 'BackOff',
    message: 'm',
    type: 'Warning',
  };

  it('falls back to creationTimestamp and a count of 1 when the event has neither', () => {
    expect(mapEvent({ ...base, eventTime: null as unknown as undefined })).toEqual({
      object: { kind: 'Pod', name: 'p', namespace: 'ns', uid: 'u1' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'm',
      count: 1,
      firstSeen: '2026-11-21T01:00:00Z',
      lastSeen: '2026-11-21T01:00:00Z',
    });
  });

  it('prefers series over count, and reportingComponent when source is empty', () => {
    const e = mapEvent({
      ...base,
      count: 3,
      series: { count: 9, lastObservedTime: '2026-11-21T01:09:00.5Z' as unknown as k8s.V1MicroTime },
      eventTime: '2026-11-21T01:00:30.25Z' as unknown as k8s.V1MicroTime,
      source: { component: '' },
      reportingComponent: 'kubelet',
    });
    expect(e).toMatchObject({ count: 9, firstSeen: '2026-11-21T01:00:30.25Z', lastSeen: '2026-11-21T01:09:00.5Z', source: 'kubelet' });
  });

  it('keeps the related object, which names the pod that preempted this one', () => {
    const e = mapEvent({ ...base, reason: 'Preempted', type: 'Normal', message: 'Preempted by pod 5c1e on node n1', related: { kind: 'Pod', name: 'trainer-0', namespace: 'ml', uid: '5c1e' } });
    expect(e.related).toEqual({ kind: 'Pod', name: 'trainer-0', namespace: 'ml', uid: '5c1e' });
    expect(mapEvent(base)).not.toHaveProperty('related');
  });
});

describe('mapEnvVar', () => {
  it('copies literals and keeps every other source a reference', () => {
    expect(mapEnvVar({ name: 'A', value: 'x' })).toEqual({ name: 'A', value: 'x' });
    expect(mapEnvVar({ name: 'EMPTY' })).toEqual({ name: 'EMPTY', value: '' });
    expect(mapEnvVar({ name: 'S', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } })).toEqual({
      name: 'S',
      ref: { kind: 'secret', name: 'db', key: 'password' },
    });
    expect(mapEnvVar({ name: 'C', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } })).toEqual({ name: 'C', ref: { kind: 'configMap', name: 'cfg', key: 'k' } });
    expect(mapEnvVar({ name: 'M', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory' } } })).toEqual({
      name: 'M',
      ref: { kind: 'resource', name: 'app', key: 'limits.memory' },
    });
    // Without a divisor the app reads bytes; with one, that unit.
    expect(mapEnvVar({ name: 'M', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } } })).toEqual({
      name: 'M',
      ref: { kind: 'resource', name: 'app', key: 'limits.memory', divisor: '1Mi' },
    });
    expect(mapEnvVar({ name: 'F', valueFrom: { fileKeyRef: { volumeName: 'envs', path: 'app.env', key: 'TOKEN' } } })).toEqual({
      name: 'F',
      ref: { kind: 'field', name: 'envs', key: 'app.env:TOKEN' },
    });
  });
});

describe('mapReplicaSet / ControllerRevision data', () => {
  it('skips a ReplicaSet that no Deployment numbered', () => {
    expect(mapReplicaSet({ metadata: { name: 'orphan' }, spec: { selector: {} } })).toBeUndefined();
  });

  it('reads containers out of a revision patch and ignores anything malformed', () => {
    expect(containersOfRevisionData({ spec: { template: { spec: { containers: [{ name: 'a', image: 'i' }, { image: 'no-name' }, 7] } } } })).toEqual([
      { name: 'a', image: 'i' },
    ]);
    expect(containersOfRevisionData(null)).toEqual([]);
    expect(containersOfRevisionData({ spec: {} })).toEqual([]);
  });

  it('keeps automountServiceAccountToken when the template sets it, false included, and nothing when it does not', () => {
    const rs = (automount?: boolean): k8s.V1ReplicaSet => ({
      metadata: { name: 'cert-sync-7c9', annotations: { 'deployment.kubernetes.io/revision': '12' } },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'app', image: 'i' }], ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) } } },
    });
    expect(mapReplicaSet(rs(false))?.template?.automountServiceAccountToken).toBe(false);
    expect(mapReplicaSet(rs())?.template).not.toHaveProperty('automountServiceAccountToken');
  });

  it("keeps the template's annotations, which a revision diff compares", () => {
    const rs: k8s.V1ReplicaSet = {
      metadata: { name: 'rtp-relay-7c9', annotations: { 'deployment.kubernetes.io/revision': '9' } },
      spec: { selector: {}, template: { metadata: { annotations: { 'k8s.v1.cni.cncf.io/networks': 'vlan130-macvlan' } }, spec: { containers: [{ name: 'app', image: 'i' }] } } },
    };
    expect(mapReplicaSet(rs)?.template?.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'vlan130-macvlan' });
  });

  it('keeps the revisions a re-used ReplicaSet was before (rollout undo), and nothing for a fresh one', () => {
    const rs = (annotations: Record<string, string>): k8s.V1ReplicaSet => ({
      metadata: { name: 'invoice-api-7c9', annotations: { 'deployment.kubernetes.io/revision': '17', ...annotations } },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'app', image: 'i' }] } } },
    });
    expect(mapReplicaSet(rs({ 'deployment.kubernetes.io/revision-history': '12' }))?.formerRevisions).toEqual([12]);
    expect(mapReplicaSet(rs({ 'deployment.kubernetes.io/revision-history': '3,9, x' }))?.formerRevisions).toEqual([3, 9]);
    expect(mapReplicaSet(rs({}))).not.toHaveProperty('formerRevisions');
  });
});

describe('mapPod', () => {
  it('keeps enableServiceLinks only when turned off (the kubelet injects service links by default)', () => {
    expect(mapPod({ metadata: { name: 'p' }, spec: { enableServiceLinks: false, containers: [] } }, 'Deployment').enableServiceLinks).toBe(false);
    expect(mapPod({ metadata: { name: 'p' }, spec: { enableServiceLinks: true, containers: [] } }, 'Deployment')).not.toHaveProperty('enableServiceLinks');
  });

  it('keeps what LimitRanger and the VPA admission controller say they set on the pod, and nothing when neither did', () => {
    const limitRanger = 'LimitRanger plugin set: cpu, memory limit for container app';
    const vpaUpdates = 'Pod resources updated by orders-vpa: container 0: memory request, memory limit';
    const p = mapPod({ metadata: { name: 'p', annotations: { 'kubernetes.io/limit-ranger': limitRanger, vpaUpdates, 'prometheus.io/scrape': 'true' } }, spec: { containers: [{ name: 'app', image: 'i' }] } }, 'Deployment');
    expect(p.resourceAnnotations).toEqual({ limitRanger, vpaUpdates });
    expect(mapPod({ metadata: { name: 'q' }, spec: { containers: [] } }, 'Deployment')).not.toHaveProperty('resourceAnnotations');
  });

  it("keeps the patches Kyverno policies applied and the Gatekeeper mutators that ran: they may have set the pod's resources", () => {
    const kyvernoPatches = 'add-default-limits.default-memory-limit.kyverno.io: added /spec/containers/0/resources/limits\n';
    const gatekeeperMutations = 'Assign//default-memory-limit:1, AssignMetadata//owner-label:2';
    const p = mapPod({ metadata: { name: 'p', annotations: { 'policies.kyverno.io/last-applied-patches': kyvernoPatches, 'gatekeeper.sh/mutations': gatekeeperMutations, 'gatekeeper.sh/mutation-id': 'c0ffee' } }, spec: { containers: [{ name: 'app', image: 'i' }] } }, 'Deployment');
    expect(p.resourceAnnotations).toEqual({ kyvernoPatches, gatekeeperMutations });
  });

  it('leaves out what the kubelet has not reported yet', () => {
    const p = mapPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'i' }] }, status: { phase: 'Pending' } }, 'Deployment');
    expect(p).toEqual({
      name: 'p',
      phase: 'Pending',
      labels: {},
      ready: false,
      conditions: [],
      containers: [{ name: 'app', image: 'i', ports: [], resources: { requests: {}, limits: {} }, probes: {}, restartCount: 0, ready: false }],
      initContainers: [],
      placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
      volumes: [],
    });
  });

  it('maps an init container stuck in a crash loop and the eviction reason', () => {
    const p = mapPod(
      {
        metadata: { name: 'p', labels: { 'controller-revision-hash': 'db-abc' }, deletionTimestamp: new Date('2026-11-21T02:00:00Z') },
        spec: { initContainers: [{ name: 'migrate', image: 'm' }], containers: [{ name: 'app', image: 'i' }] },
        status: {
          phase: 'Failed',
          reason: 'Evicted',
          message: 'The node was low on resource: memory.',
          qosClass: 'BestEffort',
          initContainerStatuses: [
            { name: 'migrate', image: 'm', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', signal: 9 } } },
          ],
        },
      },
      'StatefulSet',
    );
    expect(p).toMatchObject({ phase: 'Failed', reason: 'Evicted', qosClass: 'BestEffort', revisionHash: 'db-abc', deletionTimestamp: '2026-11-21T02:00:00Z' });
    expect(p.initContainers[0]).toMatchObject({ restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', signal: 9 } } });
  });

  it('reads the completion index of an Indexed Job\'s pod from its annotation', () => {
    const p = mapPod({ metadata: { name: 'embed-5-h4kwd', labels: { 'batch.kubernetes.io/job-name': 'embed' }, annotations: { 'batch.kubernetes.io/job-completion-index': '5' } }, spec: { containers: [{ name: 'embed', image: 'i' }] } }, 'Job');
    expect(p).toMatchObject({ jobName: 'embed', completionIndex: 5 });
    expect(mapPod({ metadata: { name: 'q' }, spec: { containers: [] } }, 'Job')).not.toHaveProperty('completionIndex');
  });

  it('keeps the pod\'s dnsPolicy and the nameservers its dnsConfig sets, and no nameservers when it sets none', () => {
    const own = mapPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'i' }], dnsPolicy: 'None', dnsConfig: { nameservers: ['10.8.0.53'], searches: ['corp.example.com'], options: [{ name: 'ndots', value: '5' }] } } }, 'Deployment');
    expect(own).toMatchObject({ dnsPolicy: 'None', dnsNameservers: ['10.8.0.53'], dnsSearches: ['corp.example.com'], dnsNdots: 5 });
    const cluster = mapPod({ metadata: { name: 'q' }, spec: { containers: [{ name: 'app', image: 'i' }], dnsPolicy: 'ClusterFirst', dnsConfig: { options: [{ name: 'ndots', value: '2' }] } } }, 'Deployment');
    expect(cluster.dnsPolicy).toBe('ClusterFirst');
    expect(cluster).not.toHaveProperty('dnsNameservers');
    expect(cluster).not.toHaveProperty('dnsSearches');
    expect(cluster.dnsNdots).toBe(2);
  });

  it('keeps the pod\'s dnsConfig options as resolv.conf writes them, and none when it sets none', () => {
    const p = mapPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'i' }], dnsConfig: { options: [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }] } } }, 'Deployment');
    expect(p.dnsOptions).toEqual(['ndots:2', 'single-request-reopen']);
    expect(mapPod({ metadata: { name: 'q' }, spec: { containers: [{ name: 'app', image: 'i' }] } }, 'Deployment')).not.toHaveProperty('dnsOptions');
  });

  it('keeps the pod\'s priority and PriorityClass', () => {
    const p = mapPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'i' }], priority: 1000000, priorityClassName: 'ml-training-high' } }, 'Job');
    expect(p).toMatchObject({ priority: 1000000, priorityClassName: 'ml-training-high' });
  });

  it('keeps the digest each container runs and its pull policy, and no digest for an image never pulled', () => {
    const p = mapPod(
      {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'app', image: 'repo/app:latest', imagePullPolicy: 'Always' }, { name: 'proxy', image: 'repo/proxy:1.2' }] },
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'app', image: 'repo/app:latest', imageID: 'docker-pullable://repo/app@sha256:9f3c2b8e1d7a', ready: true, restartCount: 0 },
            { name: 'proxy', image: 'repo/proxy:1.2', imageID: '', ready: false, restartCount: 0 },
          ],
        },
      },
      'Deployment',
    );
    expect(p.containers[0]).toMatchObject({ imagePullPolicy: 'Always', imageID: 'docker-pullable://repo/app@sha256:9f3c2b8e1d7a' });
    expect(p.containers[1]).not.toHaveProperty('imageID');
    expect(p.containers[1]).not.toHaveProperty('imagePullPolicy');
  });
});

describe('mapEndpointSlice', () => {
  it('treats an absent ready condition as ready and omits what the API left out', () => {
    const s = mapEndpointSlice({
      metadata: { name: 's', labels: { 'kubernetes.io/service-name': 'svc' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'], conditions: { ready: false, terminating: true }, targetRef: { kind: 'Node', name: 'n' } }],
      ports: [{ port: 80 }, { name: 'all' }],
    });
    expect(s).toEqual({
      name: 's',
      service: 'svc',
      endpoints: [{ addresses: ['10.0.0.1'], ready: true }, { addresses: ['10.0.0.2'], ready: false, terminating: true }],
      ports: [{ port: 80, protocol: 'TCP' }],
    });
  });
});

describe('mapService', () => {
  it('keeps each port\'s name and appProtocol, which say what it speaks, and leaves out what the spec does not set', () => {
    const svc: k8s.V1Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'fx-rates', namespace: 'treasury' },
      spec: {
        type: 'ClusterIP',
        clusterIP: '172.20.113.55',
        selector: { app: 'fx-rates' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
          { name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
          { port: 9100, targetPort: 9100, protocol: 'TCP' },
        ],
      },
    };
    expect(mapService(svc).ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      { name: 'grpc', port: 9090, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
      { port: 9100, targetPort: 9100, protocol: 'TCP' },
    ]);
  });
});

describe('mapHpa', () => {
  it('pairs each metric with its current value, whatever its type, and keeps the container a ContainerResource metric reads', () => {
    const h = mapHpa({
      metadata: { name: 'h' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'd' },
        maxReplicas: 10,
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'http_requests' }, target: { type: 'AverageValue', averageValue: '100' } } },
          { type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'Value', value: '30' } } },
        ],
      },
      status: {
        desiredReplicas: 4,
        currentMetrics: [{ type: 'Pods', pods: { metric: { name: 'http_requests' }, current: { averageValue: '250' } } }],
      },
    });
    expect(h).toEqual({
      name: 'h',
      minReplicas: 1,
      maxReplicas: 10,
      currentReplicas: 0,
      desiredReplicas: 4,
      metrics: [
        { name: 'http_requests', current: '250', target: '100' },
        { name: 'memory (container app)', target: '80%', container: 'app' },
        { name: 'queue_depth', target: '30' },
      ],
      conditions: [],
    });
  });

  it('reads the scale-up behavior as written, and nothing when the defaults apply', () => {
    const spec: k8s.V2HorizontalPodAutoscalerSpec = { scaleTargetRef: { kind: 'Deployment', name: 'd' }, maxReplicas: 40 };
    const slow = mapHpa({
      metadata: { name: 'h' },
      spec: {
        ...spec,
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }] },
          scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
        },
      },
    });
    expect(slow.scaleUp).toEqual({ policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }], selectPolicy: 'Max', stabilizationWindowSeconds: 0 });
    expect(mapHpa({ metadata: { name: 'h' }, spec }).scaleUp).toBeUndefined();
  });

  it('reads who last wrote spec.maxReplicas (not the status writer) and the GitOps tool that tracks the HPA', () => {
    const h = mapHpa({
      metadata: {
        name: 'h',
        labels: { 'argocd.argoproj.io/instance': 'shop-prod' },
        managedFields: [
          { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: new Date('2026-11-21T03:10:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
          { manager: 'helm', operation: 'Update', time: new Date('2026-10-01T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:minReplicas': {} } } },
          { manager: 'argocd-controller', operation: 'Apply', time: new Date('2026-11-21T02:20:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:maxReplicas': {} } } },
        ],
      },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'd' }, maxReplicas: 4 },
    });
    expect(h.maxReplicasOwners).toEqual([{ manager: 'argocd-controller', operation: 'Apply', at: '2026-11-21T02:20:00Z' }]);
    expect(h.gitOps).toEqual({ tool: 'Argo CD', marker: 'label argocd.argoproj.io/instance=shop-prod' });
  });
});

describe('mapPlacement', () => {
  it('reads the node a DaemonSet pod is pinned to (matchFields metadata.name), apart from the label requirements', () => {
    const spec: k8s.V1PodSpec = {
      containers: [],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['ip-10-0-131-31.eu-west-1.compute.internal'] }] }] } } },
    };
    expect(mapPlacement(spec)).toEqual({ nodeSelector: {}, requiredNodeAffinity: [[]], tolerations: [], pinnedNode: 'ip-10-0-131-31.eu-west-1.compute.internal' });
    expect(mapPlacement({ containers: [], nodeSelector: { pool: 'general' } }).pinnedNode).toBeUndefined();
  });
});

describe('mapWorkload: what holds a rollout back', () => {
  const template = { metadata: { labels: { app: 'presence' } }, spec: { containers: [{ name: 'app', image: 'presence:4.8.2' }] } };
  it('reads a StatefulSet partition above 0 and a paused Deployment, and nothing when neither is set', () => {
    const sts = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'presence', namespace: 'realtime' }, spec: { selector: { matchLabels: { app: 'presence' } }, serviceName: 'presence', template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } } } });
    expect(sts.partition).toBe(3);
    const dep = mapWorkload({ kind: 'Deployment', obj: { metadata: { name: 'presence', namespace: 'realtime' }, spec: { selector: { matchLabels: { app: 'presence' } }, template, paused: true } } });
    expect(dep.paused).toBe(true);
    const plain = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'presence', namespace: 'realtime' }, spec: { selector: { matchLabels: { app: 'presence' } }, serviceName: 'presence', template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } } } });
    expect(plain.partition).toBeUndefined();
    expect(plain.paused).toBeUndefined();
  });

  it('reads the OnDelete update strategy of a DaemonSet and a StatefulSet, and nothing for RollingUpdate', () => {
    const ds = mapWorkload({ kind: 'DaemonSet', obj: { metadata: { name: 'fluent-bit', namespace: 'logging' }, spec: { selector: { matchLabels: { app: 'presence' } }, template, updateStrategy: { type: 'OnDelete' } } } });
    expect(ds.onDelete).toBe(true);
    const sts = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'presence', namespace: 'realtime' }, spec: { selector: { matchLabels: { app: 'presence' } }, serviceName: 'presence', template, updateStrategy: { type: 'OnDelete' } } } });
    expect(sts.onDelete).toBe(true);
    const rolling = mapWorkload({ kind: 'DaemonSet', obj: { metadata: { name: 'fluent-bit', namespace: 'logging' }, spec: { selector: { matchLabels: { app: 'presence' } }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } } } });
    expect(rolling.onDelete).toBeUndefined();
  });

  it('reads a DaemonSet rolling update\'s maxUnavailable and maxSurge, with the API\'s defaults when absent', () => {
    const ds = (rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string }) => mapWorkload({ kind: 'DaemonSet', obj: { metadata: { name: 'fluent-bit', namespace: 'logging' }, spec: { selector: { matchLabels: { app: 'presence' } }, template, updateStrategy: { type: 'RollingUpdate', ...(rollingUpdate ? { rollingUpdate } : {}) } } } });
    expect(ds({ maxUnavailable: '10%', maxSurge: 0 }).rollingUpdate).toEqual({ maxUnavailable: '10%', maxSurge: '0' });
    expect(ds().rollingUpdate).toEqual({ maxUnavailable: '1', maxSurge: '0' });
  });

  it('keeps who owns spec.replicas (newest write first, the scale subresource said) and the GitOps tool that tracks the object', () => {
    const dep = mapWorkload({
      kind: 'Deployment',
      obj: {
        metadata: {
          name: 'pricing-api',
          namespace: 'commerce',
          annotations: { 'argocd.argoproj.io/tracking-id': 'pricing-api:apps/Deployment:commerce/pricing-api' },
          managedFields: [
            { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'autoscaling/v1', subresource: 'scale', time: new Date('2026-11-21T03:13:36Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
            { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: new Date('2026-11-21T03:13:54Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': {} } } },
            { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', time: new Date('2026-11-21T03:13:58Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:replicas': {} } } },
          ],
        },
        spec: { replicas: 4, selector: { matchLabels: { app: 'presence' } }, template },
      },
    });
    expect(dep.replicasOwners).toEqual([
      { manager: 'argocd-controller', operation: 'Apply', at: '2026-11-21T03:13:54Z' },
      { manager: 'kube-controller-manager', operation: 'Update', subresource: 'scale', at: '2026-11-21T03:13:36Z' },
    ]);
    expect(dep.gitOps).toEqual({ tool: 'Argo CD', marker: 'annotation argocd.argoproj.io/tracking-id=pricing-api:apps/Deployment:commerce/pricing-api' });
    const flux = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'presence', namespace: 'realtime', labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps' } }, spec: { selector: { matchLabels: { app: 'presence' } }, serviceName: 'presence', template } } });
    expect(flux.gitOps).toEqual({ tool: 'Flux', marker: 'label kustomize.toolkit.fluxcd.io/name=apps' });
    expect(flux.replicasOwners).toBeUndefined();
  });
});

describe('mapVolumes', () => {
  it("keeps a Secret's or ConfigMap's defaultMode in octal when it is not the API server's 0644", () => {
    expect(mapVolumes([
      { name: 'tls', secret: { secretName: 'gw-tls', defaultMode: 256 } },
      { name: 'config', configMap: { name: 'gw-config', defaultMode: 420 } },
      { name: 'scripts', configMap: { name: 'gw-scripts', defaultMode: 493 } },
    ])).toEqual([
      { name: 'tls', source: 'secret', ref: 'gw-tls', mode: '0400' },
      { name: 'config', source: 'configMap', ref: 'gw-config' },
      { name: 'scripts', source: 'configMap', ref: 'gw-scripts', mode: '0755' },
    ]);
  });

  it("keeps an emptyDir's medium and sizeLimit: a Memory medium is a tmpfs charged to the memory limit", () => {
    expect(mapVolumes([{ name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '512Mi' } }, { name: 'cache', emptyDir: {} }])).toEqual([
      { name: 'scratch', source: 'emptyDir', medium: 'Memory', sizeLimit: '512Mi' },
      { name: 'cache', source: 'emptyDir' },
    ]);
  });
});

describe('mapHooks', () => {
  it('tells each lifecycle hook by its handler, and gives nothing when there is none', () => {
    expect(mapHooks({
      name: 'app',
      lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'curl -fsS http://localhost:8080/warm'] } }, preStop: { sleep: { seconds: 5 } } },
    })).toEqual({ postStart: '/bin/sh -c curl -fsS http://localhost:8080/warm', preStop: 'sleep 5s' });
    expect(mapHooks({ name: 'app', lifecycle: { preStop: { httpGet: { path: '/drain', port: 'http' } } } })).toEqual({ preStop: 'GET :http/drain' });
    expect(mapHooks({ name: 'app' })).toBeUndefined();
  });
});

describe('mapProbes', () => {
  it('keeps an httpGet probe scheme when the spec sets one, and leaves it out when it does not', () => {
    const probes = mapProbes({
      name: 'app',
      livenessProbe: { httpGet: { path: '/healthz', port: 'api', scheme: 'HTTPS' } },
      readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    });
    expect(probes.liveness).toEqual({ type: 'http', port: 'api', path: '/healthz', scheme: 'HTTPS' });
    expect(probes.readiness).toEqual({ type: 'http', port: 8080, path: '/ready' });
  });

  it('keeps the service a gRPC probe asks the health server about, and leaves it out when the probe asks for the server as a whole', () => {
    const probes = mapProbes({
      name: 'app',
      readinessProbe: { grpc: { port: 9090, service: 'inventory.v1.InventoryService' } },
      livenessProbe: { grpc: { port: 9090 } },
    });
    expect(probes.readiness).toEqual({ type: 'grpc', port: 9090, service: 'inventory.v1.InventoryService' });
    expect(probes.liveness).toEqual({ type: 'grpc', port: 9090 });
  });
});

describe('mapPvc', () => {
  it('keeps the size the volume has (status.capacity) apart from the size asked for, with the claim\'s conditions', () => {
    const c = mapPvc(
      {
        metadata: { name: 'data-prometheus-0', namespace: 'monitoring' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', volumeName: 'pvc-16e36ec6', resources: { requests: { storage: '300Gi' } } },
        status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '150Gi' }, conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: new Date('2026-11-21T02:46:00Z') }] },
      },
      ['prometheus-0'],
    );
    expect(c).toEqual({
      name: 'data-prometheus-0', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: ['prometheus-0'], storageClass: 'gp3', volumeName: 'pvc-16e36ec6',
      requested: '300Gi', capacity: '150Gi', conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: '2026-11-21T02:46:00Z' }],
    });
    // A claim still Pending has no capacity and no conditions: neither is invented.
    const pending = mapPvc({ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '10Gi' } } }, status: { phase: 'Pending' } }, []);
    expect(pending.capacity).toBeUndefined();
    expect(pending.conditions).toBeUndefined();
  });

  it('keeps when a claim was deleted and the finalizers that hold it', () => {
    const c = mapPvc(
      {
        metadata: { name: 'media-shared', deletionTimestamp: new Date('2026-11-18T03:00:00Z'), finalizers: ['kubernetes.io/pvc-protection'] },
        spec: { accessModes: ['ReadWriteMany'], volumeName: 'pvc-0b1c' },
        status: { phase: 'Bound' },
      },
      ['media-worker-0'],
    );
    expect(c.deletionTimestamp).toBe('2026-11-18T03:00:00Z');
    expect(c.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const live = mapPvc({ metadata: { name: 'data', finalizers: [] }, status: { phase: 'Bound' } }, []);
    expect(live.deletionTimestamp).toBeUndefined();
    expect(live.finalizers).toBeUndefined();
  });

  it('keeps when the claim was made: a claim older than its StatefulSet was not made by it (a leftover the controller re-used)', () => {
    const c = mapPvc({ metadata: { name: 'data-kafka-3', creationTimestamp: new Date('2025-10-15T03:00:00Z') }, spec: { volumeName: 'pvc-9a1e' }, status: { phase: 'Bound' } }, ['kafka-3']);
    expect(c.createdAt).toBe('2025-10-15T03:00:00Z');
    expect(mapPvc({ metadata: { name: 'data' }, status: { phase: 'Pending' } }, []).createdAt).toBeUndefined();
  });
});

describe('mapPersistentVolume', () => {
  it('keeps the reclaim policy and which claim object (uid) a Released volume still names, and the claim its own uid', () => {
    const pv = mapPersistentVolume({
      metadata: { name: 'media-archive-efs' },
      spec: {
        capacity: { storage: '5Ti' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'efs-static',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'archive', name: 'media-archive', uid: 'c37757d8-1301-4742-ac1b-a8e3070894e4', apiVersion: 'v1', resourceVersion: '48812093' },
        csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d4e5f67890' },
      },
      status: { phase: 'Released' },
    });
    expect(pv).toEqual({ name: 'media-archive-efs', phase: 'Released', claim: 'archive/media-archive', claimUid: 'c37757d8-1301-4742-ac1b-a8e3070894e4', reclaimPolicy: 'Retain', storageClass: 'efs-static', driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d4e5f67890', nodeAffinity: [] });
    const claim = mapPvc({ metadata: { name: 'media-archive', uid: '48532a5c-1a81-4e7c-a58b-4b3f52238e35' }, spec: { volumeName: 'media-archive-efs' }, status: { phase: 'Pending' } }, []);
    expect(claim.uid).toBe('48532a5c-1a81-4e7c-a58b-4b3f52238e35');
  });
});

describe('mapPersistentVolume: when it was made and what it mounts', () => {
  it('keeps the creation time and the CSI volume handle (a re-created volume is newer than the pods mounting it)', () => {
    const pv = mapPersistentVolume({
      metadata: { name: 'media-efs', creationTimestamp: new Date('2026-11-21T02:43:00Z') },
      spec: { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0abc12de34f567890::fsap-0d4e9b1c7a2f38e56' } },
      status: { phase: 'Bound' },
    });
    expect(pv.createdAt).toBe('2026-11-21T02:43:00Z');
    expect(pv.volumeHandle).toBe('fs-0abc12de34f567890::fsap-0d4e9b1c7a2f38e56');
  });
});

describe('mapPersistentVolume: the NFS export it mounts', () => {
  it('keeps an in-tree NFS server and path, and an NFS CSI driver\'s server and share; nothing for other volumes', () => {
    const inTree = mapPersistentVolume({ metadata: { name: 'media-shared-nfs' }, spec: { nfs: { server: '172.20.141.26', path: '/exports/media' } }, status: { phase: 'Bound' } });
    expect(inTree.nfs).toEqual({ server: '172.20.141.26', path: '/exports/media' });
    const csi = mapPersistentVolume({ metadata: { name: 'pvc-1' }, spec: { csi: { driver: 'nfs.csi.k8s.io', volumeHandle: 'nfs-server.storage.svc.cluster.local#share#pvc-1', volumeAttributes: { server: 'nfs-server.storage.svc.cluster.local', share: '/share' } } }, status: { phase: 'Bound' } });
    expect(csi.nfs).toEqual({ server: 'nfs-server.storage.svc.cluster.local', path: '/share' });
    const efs = mapPersistentVolume({ metadata: { name: 'efs' }, spec: { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b' } }, status: { phase: 'Bound' } });
    expect(efs).not.toHaveProperty('nfs');
  });
});

describe('mapPersistentVolume: its mount options', () => {
  it('keeps spec.mountOptions (an NFS version the server may not serve); nothing when it sets none', () => {
    const nfs = mapPersistentVolume({ metadata: { name: 'shared-docs' }, spec: { mountOptions: ['nfsvers=4.1', 'hard'], nfs: { server: '192.0.2.10', path: '/docs' } }, status: { phase: 'Bound' } });
    expect(nfs.mountOptions).toEqual(['nfsvers=4.1', 'hard']);
    const bare = mapPersistentVolume({ metadata: { name: 'bare' }, spec: { nfs: { server: '192.0.2.10', path: '/docs' } }, status: { phase: 'Bound' } });
    expect(bare).not.toHaveProperty('mountOptions');
  });
});

describe('mapPersistentVolume: how the node mounts it', () => {
  it('keeps the CSI fsType, and names the Secret the node logs in with (never its content), from CSI and in-tree specs', () => {
    const ebs = mapPersistentVolume({ metadata: { name: 'pvc-1b54' }, spec: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a81', fsType: 'ext4' } }, status: { phase: 'Bound' } });
    expect(ebs.fsType).toBe('ext4');
    expect(ebs).not.toHaveProperty('credentialSecret');
    const smb = mapPersistentVolume({
      metadata: { name: 'pv-media-share' },
      spec: { csi: { driver: 'file.csi.azure.com', volumeHandle: 'rg#acct#media###media', nodeStageSecretRef: { name: 'azure-files-acct', namespace: 'media' } } },
      status: { phase: 'Bound' },
    });
    expect(smb.credentialSecret).toEqual({ name: 'azure-files-acct', namespace: 'media', field: 'csi.nodeStageSecretRef' });
    const inTree = mapPersistentVolume({ metadata: { name: 'legacy-share' }, spec: { azureFile: { secretName: 'azure-secret', shareName: 'media' } }, status: { phase: 'Bound' } });
    expect(inTree.credentialSecret).toEqual({ name: 'azure-secret', field: 'azureFile.secretName' });
  });
});

describe('mapWorkload: a CronJob', () => {
  it('keeps the jobTemplate\'s ttlSecondsAfterFinished (0 deletes each Job as it ends), and nothing when unset', () => {
    const jobTemplate = (ttl?: number) => ({ spec: { ...(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }), template: { spec: { containers: [{ name: 'reindex', image: 'reindex:2.4.0' }] } } } });
    const gone = mapWorkload({ kind: 'CronJob', obj: { metadata: { name: 'reindex', namespace: 'catalog' }, spec: { schedule: '30 2 * * *', jobTemplate: jobTemplate(0) } } });
    expect(gone.schedule?.jobTtlSeconds).toBe(0);
    const kept = mapWorkload({ kind: 'CronJob', obj: { metadata: { name: 'reindex', namespace: 'catalog' }, spec: { schedule: '30 2 * * *', jobTemplate: jobTemplate() } } });
    expect(kept.schedule).not.toHaveProperty('jobTtlSeconds');
  });

  it('keeps the schedule as last applied and who last wrote spec.schedule (a kubectl edit after the apply)', () => {
    const applied = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { annotations: {}, name: 'orders-sync', namespace: 'data' }, spec: { schedule: '15 * * * *', jobTemplate: {} } };
    const edited = mapWorkload({
      kind: 'CronJob',
      obj: {
        metadata: {
          name: 'orders-sync',
          namespace: 'data',
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(applied)}\n` },
          managedFields: [
            { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'batch/v1', time: new Date('2026-09-21T08:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:jobTemplate': {} } } },
            { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'batch/v1', time: new Date('2026-11-17T10:41:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {} } } },
            { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: new Date('2026-11-17T10:20:42Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:lastScheduleTime': {} } }, subresource: 'status' },
          ],
        },
        spec: { schedule: '15 * 1 * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'sync', image: 'sync:1.9.3' }] } } } } },
      },
    });
    expect(edited.schedule).toMatchObject({ cron: '15 * 1 * *', appliedCron: '15 * * * *', scheduleWrittenAt: '2026-11-17T10:41:00Z', scheduleWrittenBy: 'kubectl-edit' });
  });

  it('keeps no applied schedule when the annotation is absent or not JSON', () => {
    const spec = { schedule: '0 2 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'job:1' }] } } } } };
    for (const annotations of [undefined, { 'kubectl.kubernetes.io/last-applied-configuration': '{"spec":' }, { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"CronJob","spec":{}}' }]) {
      const w = mapWorkload({ kind: 'CronJob', obj: { metadata: { name: 'nightly', namespace: 'ops', ...(annotations ? { annotations } : {}) }, spec } });
      expect(w.schedule).not.toHaveProperty('appliedCron');
    }
  });
});

describe('mapJob', () => {
  it('keeps an Indexed Job\'s per-index limit and its completed and failed indexes, and none of them for a plain Job', () => {
    const indexed = mapJob({
      metadata: { name: 'embed' },
      spec: { completionMode: 'Indexed', completions: 8, backoffLimit: 2147483647, backoffLimitPerIndex: 2, template: {} },
      status: { failed: 3, succeeded: 7, completedIndexes: '0-4,6-7', failedIndexes: '5' },
    });
    expect(indexed).toMatchObject({ completionMode: 'Indexed', completions: 8, backoffLimitPerIndex: 2, completedIndexes: '0-4,6-7', failedIndexes: '5' });
    const plain = mapJob({ metadata: { name: 'settle' }, spec: { completionMode: 'NonIndexed', backoffLimit: 3, template: {} }, status: { failed: 4, completedIndexes: '' } });
    for (const key of ['completionMode', 'backoffLimitPerIndex', 'completedIndexes', 'failedIndexes']) expect(plain).not.toHaveProperty(key);
  });

  it('keeps spec.parallelism, 0 included: a Job held at 0 runs no pod', () => {
    expect(mapJob({ metadata: { name: 'export-29917590' }, spec: { parallelism: 0, completions: 1, template: {} }, status: {} }).parallelism).toBe(0);
    expect(mapJob({ metadata: { name: 'export-29917591' }, spec: { template: {} } })).not.toHaveProperty('parallelism');
  });

  it('marks a Job created by hand from its CronJob (kubectl create job --from), and no other', () => {
    const byHand = mapJob({ metadata: { name: 'orders-sync-manual-x7k2p', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' } }, spec: { template: {} } });
    expect(byHand.manual).toBe(true);
    const scheduled = mapJob({ metadata: { name: 'orders-sync-29915175', annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-11-17T10:15:00Z' } }, spec: { template: {} } });
    expect(scheduled).not.toHaveProperty('manual');
  });

  it('keeps a suspended Job\'s spec.suspend and the Kueue queue it waits for; nothing of it when not suspended', () => {
    const queued = mapJob({
      metadata: { name: 'backfill', labels: { 'kueue.x-k8s.io/queue-name': 'batch' } },
      spec: { suspend: true, template: {} },
      status: { conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended' }] },
    });
    expect(queued).toMatchObject({ suspended: true, queue: { name: 'batch', marker: 'kueue.x-k8s.io/queue-name' } });
    const running = mapJob({ metadata: { name: 'backfill', labels: { 'kueue.x-k8s.io/queue-name': 'batch' } }, spec: { suspend: false, template: {} } });
    for (const key of ['suspended', 'queue']) expect(running).not.toHaveProperty(key);
  });
});
