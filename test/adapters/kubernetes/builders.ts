// Builders of realistic cluster objects for the KubeCluster tests. Typed with the client's own
// models, so a misspelt field fails to compile rather than silently testing nothing.
import type * as k8s from '@kubernetes/client-node';

export const T0 = '2026-11-21T02:00:00Z';
export const at = (minutes: number): Date => new Date(Date.parse(T0) + minutes * 60_000);

export interface ContainerOpts {
  name?: string;
  image: string;
  memoryLimit?: string;
  env?: k8s.V1EnvVar[];
  envFrom?: k8s.V1EnvFromSource[];
}

export function container(o: ContainerOpts): k8s.V1Container {
  return {
    name: o.name ?? 'app',
    image: o.image,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: o.memoryLimit ?? '512Mi' } },
    readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 3 },
    livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 10 },
    ...(o.env === undefined ? {} : { env: o.env }),
    ...(o.envFrom === undefined ? {} : { envFrom: o.envFrom }),
  };
}

export function deployment(o: {
  namespace: string;
  name: string;
  replicas: number;
  revision: number;
  containers: k8s.V1Container[];
  labels?: Record<string, string>;
  status?: k8s.V1DeploymentStatus;
}): k8s.V1Deployment {
  const labels = o.labels ?? { app: o.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: { team: 'payments' },
      annotations: { 'deployment.kubernetes.io/revision': String(o.revision) },
      creationTimestamp: at(-600),
    },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: o.containers } },
    },
    status: o.status ?? { replicas: o.replicas, readyReplicas: o.replicas, availableReplicas: o.replicas, updatedReplicas: o.replicas },
  };
}

export function replicaSet(o: {
  owner: { name: string; uid: string; namespace: string };
  hash: string;
  revision: number;
  replicas: number;
  containers: k8s.V1Container[];
  createdAt: Date;
  labels: Record<string, string>;
  changeCause?: string;
}): k8s.V1ReplicaSet {
  const labels = { ...o.labels, 'pod-template-hash': o.hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${o.owner.name}-${o.hash}`,
      namespace: o.owner.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': String(o.revision),
        ...(o.changeCause === undefined ? {} : { 'kubernetes.io/change-cause': o.changeCause }),
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: o.owner.name, uid: o.owner.uid, controller: true }],
      creationTimestamp: o.createdAt,
    },
    spec: { replicas: o.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: o.containers } } },
    status: { replicas: o.replicas },
  };
}

export function readyCondition(ready: boolean): k8s.V1PodCondition {
  return { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at(-30) };
}

export function pod(o: {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  node?: string;
  containers: k8s.V1Container[];
  statuses: k8s.V1ContainerStatus[];
  ready: boolean;
  phase?: string;
  qosClass?: string;
  volumes?: k8s.V1Volume[];
}): k8s.V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name, namespace: o.namespace, labels: o.labels, creationTimestamp: at(-60) },
    spec: {
      ...(o.node === undefined ? {} : { nodeName: o.node }),
      containers: o.containers,
      ...(o.volumes === undefined ? {} : { volumes: o.volumes }),
    },
    status: {
      phase: o.phase ?? 'Running',
      qosClass: o.qosClass ?? 'Burstable',
      startTime: at(-59),
      conditions: [readyCondition(o.ready), { type: 'PodScheduled', status: 'True', lastTransitionTime: at(-60) }],
      containerStatuses: o.statuses,
    },
  };
}

export function runningStatus(name = 'app', image = 'img', restartCount = 0): k8s.V1ContainerStatus {
  return { name, image, imageID: '', ready: true, restartCount, started: true, state: { running: { startedAt: at(-58) } } };
}

export function oomLoopingStatus(name: string, image: string, restartCount: number): k8s.V1ContainerStatus {
  return {
    name,
    image,
    imageID: '',
    ready: false,
    restartCount,
    started: false,
    state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${name}` } },
    lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at(-3), finishedAt: at(-2) } },
  };
}

export function node(name: string, o: { memoryPressure?: boolean; zone: string }): k8s.V1Node {
  const pressure = o.memoryPressure === true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'topology.kubernetes.io/zone': o.zone, 'node.kubernetes.io/instance-type': 'm6i.large', 'kubernetes.io/hostname': name },
    },
    spec: pressure ? { taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }] } : {},
    status: {
      allocatable: { cpu: '1930m', memory: '7220Mi', pods: '29' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: pressure ? 'True' : 'False',
          reason: pressure ? 'KubeletHasInsufficientMemory' : 'KubeletHasSufficientMemory',
          message: pressure ? 'kubelet has insufficient memory available' : 'kubelet has sufficient memory available',
          lastTransitionTime: at(-5),
        },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', lastTransitionTime: at(-900) },
      ],
    },
  };
}

let eventSeq = 0;

/** An old-style core event (count, first/lastTimestamp), as kubelets still record them. */
export function coreEvent(o: {
  namespace: string;
  object: { kind: string; name: string; namespace?: string };
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  first: Date;
  last?: Date;
  component?: string;
}): k8s.CoreV1Event {
  eventSeq += 1;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${o.object.name}.${eventSeq.toString(16).padStart(12, '0')}`, namespace: o.namespace },
    involvedObject: { kind: o.object.kind, name: o.object.name, ...(o.object.namespace === undefined ? {} : { namespace: o.object.namespace }) },
    reason: o.reason,
    message: o.message,
    type: o.type ?? 'Warning',
    count: o.count ?? 1,
    firstTimestamp: o.first,
    lastTimestamp: o.last ?? o.first,
    source: { component: o.component ?? 'kubelet' },
  };
}

export function service(namespace: string, name: string, selector: Record<string, string>): k8s.V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
}

export function endpointSlice(
  namespace: string,
  serviceName: string,
  endpoints: { ip: string; pod: string; node: string; ready: boolean }[],
): k8s.V1EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${serviceName}-x7k2p`, namespace, labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.ready, terminating: false },
      nodeName: e.node,
      targetRef: { kind: 'Pod', name: e.pod, namespace },
    })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}
