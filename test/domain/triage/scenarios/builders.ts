/**
 * Builders for triage evidence shaped like what a real cluster reports: EKS-style node
 * names, ReplicaSet hashes, kubelet and scheduler messages copied from real clusters.
 * Every builder starts healthy; scenarios change only what their failure changes.
 */
import type {
  ContainerEvidence,
  ContainerStateEvidence,
  EndpointSliceEvidence,
  EventEvidence,
  HpaEvidence,
  NodeEvidence,
  PodEvidence,
  RevisionContainerEvidence,
  RevisionEvidence,
  ServiceEvidence,
  TriageEvidence,
  WorkloadEvidence,
} from '../../../../src/domain/triage/evidence.js';

export const NOW = '2026-11-21T03:14:00Z';
export const NS = 'payments';
export const APP = 'payment-service';
export const CONTEXT = 'prod-eu-west-1';

export const NODE_A = 'ip-10-0-1-23.eu-west-1.compute.internal';
export const NODE_B = 'ip-10-0-2-41.eu-west-1.compute.internal';
export const NODE_C = 'ip-10-0-3-17.eu-west-1.compute.internal';

export const IMAGE_V14 = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.14.0';
export const IMAGE_V15 = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0';

/** Revision 6 is what runs in the healthy baseline; 7 is the one scenarios roll out. */
export const REV6 = { revision: 6, hash: '7c9d8f6b5d' };
export const REV7 = { revision: 7, hash: '5f7d9c8b64' };

const SUFFIXES = ['x2kqj', 'm8n4p', 'q7w2z', 'r5t9v', 'b3h6k', 'c9d2f', 'h4j7l', 'k2m5n', 'p8s3t', 'w6y1z', 'f3g8h', 'n7v4b'];

export function minutesAgo(minutes: number): string {
  return new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
}

export function podName(hash: string, i: number): string {
  return `${APP}-${hash}-${SUFFIXES[i] ?? `z${i}`}`;
}

export function running(startedMinutesAgo = 2 * 24 * 60): ContainerStateEvidence {
  return { running: { startedAt: minutesAgo(startedMinutesAgo) } };
}

export function terminated(exitCode: number, reason: string | undefined, finishedMinutesAgo: number, extra: { message?: string; runSeconds?: number } = {}): ContainerStateEvidence {
  const finishedAt = minutesAgo(finishedMinutesAgo);
  const startedAt = new Date(Date.parse(finishedAt) - (extra.runSeconds ?? 40) * 1000).toISOString();
  return {
    terminated: {
      exitCode,
      ...(reason ? { reason } : {}),
      ...(extra.message ? { message: extra.message } : {}),
      startedAt,
      finishedAt,
    },
  };
}

export function container(over: Partial<ContainerEvidence> = {}): ContainerEvidence {
  return {
    name: 'app',
    image: IMAGE_V14,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '512Mi' } },
    probes: {
      readiness: { type: 'http', path: '/ready', port: 8080, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
      liveness: { type: 'http', path: '/healthz', port: 8080, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
    },
    state: running(),
    restartCount: 0,
    ready: true,
    ...over,
  };
}

/** A container in CrashLoopBackOff after exiting the way `last` says. */
export function crashLooping(pod: string, last: ContainerStateEvidence, restarts: number, over: Partial<ContainerEvidence> = {}): ContainerEvidence {
  return container({
    state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=app pod=${pod}_${NS}(3f0c2a4e-8d1b-4c8e-9a57-0b7f2d6e1c93)` } },
    lastState: last,
    restartCount: restarts,
    ready: false,
    ...over,
  });
}

/**
 * Pod `ordinal` of StatefulSet `set` at revision `hash`, made `createdMinutesAgo`; with `claim`, it
 * mounts its own `data-<set>-<ordinal>` claim, as a volumeClaimTemplate named data gives it.
 */
export function setMember(set: string, hash: string, ordinal: number, createdMinutesAgo: number, over: Partial<PodEvidence> = {}, opts: { claim?: boolean } = {}): PodEvidence {
  return pod(ordinal, {
    name: `${set}-${ordinal}`,
    ordinal,
    revisionHash: hash,
    createdAt: minutesAgo(createdMinutesAgo),
    startTime: minutesAgo(createdMinutesAgo),
    labels: { app: set, 'controller-revision-hash': hash },
    ...(opts.claim ? { volumes: [{ name: 'data', source: 'pvc' as const, ref: `data-${set}-${ordinal}` }] } : {}),
    ...over,
  });
}

export function pod(i: number, over: Partial<PodEvidence> = {}): PodEvidence {
  const hash = over.revisionHash ?? REV6.hash;
  const name = over.name ?? podName(hash, i);
  const ready = over.ready ?? true;
  return {
    name,
    uid: `0b6e${i}a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5${i % 10}`,
    nodeName: [NODE_A, NODE_B, NODE_C][i % 3] as string,
    phase: 'Running',
    qosClass: 'Burstable',
    labels: { app: APP, 'app.kubernetes.io/part-of': 'payments', 'pod-template-hash': hash },
    ready,
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: minutesAgo(2 * 24 * 60) },
      { type: 'Initialized', status: 'True', lastTransitionTime: minutesAgo(2 * 24 * 60) },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: minutesAgo(2 * 24 * 60) },
      { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: minutesAgo(2 * 24 * 60) },
    ],
    createdAt: minutesAgo(2 * 24 * 60 + 1),
    startTime: minutesAgo(2 * 24 * 60),
    revisionHash: hash,
    containers: [container()],
    initContainers: [],
    ...over,
  };
}

/** A pod the scheduler refused `agoMinutes` ago with `message`: Pending, on no node, no container started. */
export function unscheduledPod(i: number, message: string, agoMinutes: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(i, {
    nodeName: undefined,
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(agoMinutes),
    startTime: undefined,
    containers: [container({ state: undefined, ready: false })],
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: minutesAgo(agoMinutes) }],
    ...over,
  });
}

export function revisionContainer(over: Partial<RevisionContainerEvidence> = {}): RevisionContainerEvidence {
  return {
    name: 'app',
    image: IMAGE_V14,
    env: [
      { name: 'DB_HOST', value: 'postgres.payments.svc.cluster.local' },
      { name: 'DB_PORT', value: '5432' },
      { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payment-db', key: 'password' } },
      { name: 'LOG_LEVEL', value: 'info' },
    ],
    envFrom: [{ kind: 'configMap', name: 'payment-service-config' }],
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '512Mi' } },
    ...over,
  };
}

export function revision(rev: { revision: number; hash: string }, createdAt: string, over: Partial<RevisionEvidence> = {}): RevisionEvidence {
  return {
    revision: rev.revision,
    name: `${APP}-${rev.hash}`,
    hash: rev.hash,
    createdAt,
    replicas: 0,
    containers: [revisionContainer()],
    ...over,
  };
}

export function workload(over: Partial<WorkloadEvidence> = {}): WorkloadEvidence {
  return {
    kind: 'Deployment',
    name: APP,
    namespace: NS,
    specReplicas: 5,
    replicas: 5,
    readyReplicas: 5,
    availableReplicas: 5,
    updatedReplicas: 5,
    selector: { app: APP },
    templateLabels: { app: APP, 'app.kubernetes.io/part-of': 'payments' },
    templateContainers: [container()],
    currentRevision: 6,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${APP}-${REV6.hash}" has successfully progressed.` },
    ],
    createdAt: minutesAgo(200 * 24 * 60),
    ...over,
  };
}

export function node(name: string, over: Partial<NodeEvidence> = {}): NodeEvidence {
  return {
    name,
    conditions: [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: minutesAgo(30 * 24 * 60) },
    ],
    taints: [],
    allocatable: { cpu: '3920m', memory: '15136204Ki', pods: '58' },
    unschedulable: false,
    labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'node.kubernetes.io/instance-type': 'm6i.xlarge' },
    ...over,
  };
}

/** Replace one condition of a node (or add it). */
export function withCondition(n: NodeEvidence, type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, sinceMinutes: number): NodeEvidence {
  const rest = n.conditions.filter((c) => c.type !== type);
  return { ...n, conditions: [...rest, { type, status, reason, message, lastTransitionTime: minutesAgo(sinceMinutes) }] };
}

export function event(over: Partial<EventEvidence> & Pick<EventEvidence, 'reason' | 'message'>): EventEvidence {
  return {
    object: { kind: 'Pod', name: podName(REV6.hash, 0), namespace: NS },
    type: 'Warning',
    count: 1,
    firstSeen: minutesAgo(10),
    lastSeen: minutesAgo(1),
    source: 'kubelet',
    ...over,
  };
}

export function service(over: Partial<ServiceEvidence> = {}): ServiceEvidence {
  return {
    name: APP,
    type: 'ClusterIP',
    selector: { app: APP },
    ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    ...over,
  };
}

export function endpointSlice(svc: string, pods: readonly PodEvidence[], over: Partial<EndpointSliceEvidence> = {}): EndpointSliceEvidence {
  return {
    name: `${svc}-8fz2k`,
    service: svc,
    endpoints: pods.map((p, i) => ({
      addresses: [`10.0.${(i % 3) + 1}.${100 + i}`],
      ready: p.ready,
      podName: p.name,
      ...(p.nodeName ? { nodeName: p.nodeName } : {}),
    })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    ...over,
  };
}

export function hpa(over: Partial<HpaEvidence> = {}): HpaEvidence {
  return {
    name: APP,
    minReplicas: 3,
    maxReplicas: 10,
    currentReplicas: 5,
    desiredReplicas: 5,
    metrics: [{ name: 'cpu', current: '45%', target: '70%' }],
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
    ],
    lastScaleTime: minutesAgo(3 * 24 * 60),
    ...over,
  };
}

/** The healthy baseline: 5 ready pods of revision 6 on 3 nodes, one Service, an HPA. */
export function baseEvidence(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = over.pods ?? [0, 1, 2, 3, 4].map((i) => pod(i));
  return {
    target: { service: APP, namespace: NS, kind: 'Deployment', name: APP, context: CONTEXT },
    collectedAt: NOW,
    workload: workload(),
    pods,
    events: [],
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(21 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14.replace('2.14.0', '2.13.2') })] }),
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 5 }),
    ],
    nodes: [node(NODE_A), node(NODE_B), node(NODE_C)],
    services: [
      service(),
      service({ name: 'fraud-service', selector: { app: 'fraud-service' } }),
    ],
    endpointSlices: [
      // Only scheduled, running pods get endpoints; Pending and Failed ones never appear.
      endpointSlice(APP, pods.filter((p) => p.nodeName !== undefined && p.phase === 'Running')),
      endpointSlice('fraud-service', [pod(0, { name: 'fraud-service-6d5c8b7f4-h2k9q', labels: { app: 'fraud-service' } })], { name: 'fraud-service-t7x4m' }),
    ],
    hpas: [hpa()],
    pvcs: [],
    logs: [],
    readFailures: [],
    ...over,
  };
}

/** Two ready pods of revision 7, rolled out `rolledOut` minutes ago (revision 6 nine days before), each with the current log `lines(i)`. */
export function readyOnRevision7(rolledOut: number, lines: (i: number) => string[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i) }));
  return baseEvidence({
    pods,
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    ...over,
  });
}
