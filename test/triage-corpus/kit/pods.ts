// Pods as the API server returns them: the template's spec plus what admission and the scheduler
// add (default tolerations, the service-account volume, nodeName), and a status the kubelet
// would write for the containers' stories.
import type * as k8s from '@kubernetes/client-node';
import { DAYS, ago, uidOf } from './clock.js';
import { containerStatus, exited, running } from './containers.js';
import type { ContainerStory } from './containers.js';

/** The pod template of a workload revision. */
export interface TemplateOpts {
  containers: k8s.V1Container[];
  initContainers?: k8s.V1Container[];
  volumes?: k8s.V1Volume[];
  nodeSelector?: Record<string, string>;
  affinity?: k8s.V1Affinity;
  /** spec.topologySpreadConstraints; none unless given. */
  topologySpreadConstraints?: k8s.V1TopologySpreadConstraint[];
  tolerations?: k8s.V1Toleration[];
  serviceAccountName?: string;
  imagePullSecrets?: string[];
  securityContext?: k8s.V1PodSecurityContext;
  priorityClassName?: string;
  terminationGracePeriodSeconds?: number;
  /** Extra template labels (beyond the workload's selector labels). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PodOpts {
  /** Default: generated from the owner. */
  name?: string;
  /** The node; `null` while unscheduled. */
  node?: string | null;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** Per container name; containers not named are running and ready. */
  containers?: Record<string, ContainerStory>;
  /** Per init container name; not named: completed with exit 0. */
  initContainers?: Record<string, ContainerStory>;
  /** Default 2 days. */
  createdAgo?: number;
  /** Pod Ready condition; default: every container ready and phase Running. */
  ready?: boolean;
  /** status.reason / status.message (Evicted, NodeLost, …). */
  reason?: string;
  message?: string;
  /** PodScheduled=False (Unschedulable) with this scheduler message; implies no node and Pending. */
  unschedulable?: string;
  /** Being deleted since this many minutes. */
  deletingAgo?: number;
  /** Extra pod conditions (DisruptionTarget, …). */
  conditions?: k8s.V1PodCondition[];
  /**
   * Whether the kubelet has set up the pod sandbox, so the pod has an IP. Default: yes, unless
   * every container is still ContainerCreating (volumes not mounted, no network yet); a pod
   * pulling its image in ContainerCreating already has its sandbox.
   */
  sandbox?: boolean;
}

export interface PodOwner {
  namespace: string;
  /** Controller kind and name (ReplicaSet, StatefulSet, DaemonSet, Job). */
  kind: string;
  name: string;
  uid: string;
  /** Labels the controller puts on its pods (selector labels + hash labels). */
  labels: Record<string, string>;
}

function qosOf(containers: readonly k8s.V1Container[]): string {
  const all = containers.map((c) => c.resources ?? {});
  if (all.every((r) => Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0)) return 'BestEffort';
  const guaranteed = all.every((r) => ['cpu', 'memory'].every((k) => r.limits?.[k] !== undefined && (r.requests?.[k] ?? r.limits?.[k]) === r.limits?.[k]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function condition(type: string, status: boolean, at: Date, extra: Partial<k8s.V1PodCondition> = {}): k8s.V1PodCondition {
  return { type, status: status ? 'True' : 'False', lastTransitionTime: at, ...extra };
}

function ipOf(seed: string): string {
  const h = uidOf(seed).replace(/-/g, '');
  return `10.0.${parseInt(h.slice(0, 2), 16) % 64}.${parseInt(h.slice(2, 4), 16) % 250 + 2}`;
}

export function buildPod(owner: PodOwner, template: TemplateOpts, name: string, o: PodOpts): k8s.V1Pod {
  const created = ago(o.createdAgo ?? 2 * DAYS);
  const unscheduled = o.unschedulable !== undefined || o.node === null;
  const node = unscheduled ? undefined : (o.node ?? undefined);
  const initStories = (template.initContainers ?? []).map((c) => [c, o.initContainers?.[c.name] ?? initDone(o)] as const);
  const stories = template.containers.map((c) => [c, o.containers?.[c.name] ?? running({ sinceAgo: Math.max(0, (o.createdAgo ?? 2 * DAYS) - 0.5) })] as const);
  const initPending = initStories.some(([c, s]) => c.restartPolicy !== 'Always' && s.state.terminated?.exitCode !== 0);
  const phase = o.phase ?? (unscheduled || initPending ? 'Pending' : 'Running');
  const containersReady = stories.every(([, s]) => s.ready);
  const ready = o.ready ?? (phase === 'Running' && containersReady);
  // Pod not ready though every container is (set by hand): the condition names them all.
  const unready = stories.filter(([, s]) => !s.ready).map(([c]) => c.name);
  const unreadyNames = (unready.length > 0 ? unready : stories.map(([c]) => c.name)).join(' ');
  const sandbox = o.sandbox ?? !(stories.length > 0 && stories.every(([, s]) => s.state.waiting?.reason === 'ContainerCreating'));
  // A Succeeded pod: Ready and ContainersReady say PodCompleted (the kubelet's words) and the
  // sandbox is gone, since its containers finished.
  const finishedAt = stories[0]?.[1].state.terminated?.finishedAt;
  const completed = (c: k8s.V1PodCondition): k8s.V1PodCondition => {
    if (phase !== 'Succeeded') return c;
    const reason = c.type === 'PodReadyToStartContainers' ? {} : { reason: 'PodCompleted' };
    return { type: c.type, status: 'False', ...reason, lastTransitionTime: finishedAt ?? c.lastTransitionTime };
  };
  const initialized = initStories.every(([c, s]) => c.restartPolicy === 'Always' ? s.state.running !== undefined : s.state.terminated?.exitCode === 0);
  const scheduledAt = new Date(created.getTime() + 1000);
  const conditions: k8s.V1PodCondition[] = unscheduled
    ? [condition('PodScheduled', false, scheduledAt, { reason: 'Unschedulable', message: o.unschedulable ?? '0/3 nodes are available: 3 Insufficient cpu.' })]
    : [
        completed(condition('PodReadyToStartContainers', phase !== 'Pending' || initStories.length > 0, scheduledAt)),
        condition('Initialized', initialized, scheduledAt, initialized ? {} : { reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${initStories.filter(([, s]) => s.state.terminated?.exitCode !== 0).map(([c]) => c.name).join(' ')}]` }),
        completed(condition('Ready', ready, ready ? ago(Math.max(0, (o.createdAgo ?? 2 * DAYS) - 0.3)) : ago(Math.min(o.createdAgo ?? 2 * DAYS, 30)), ready ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${unreadyNames}]` })),
        completed(condition('ContainersReady', containersReady, ready ? ago(Math.max(0, (o.createdAgo ?? 2 * DAYS) - 0.3)) : ago(Math.min(o.createdAgo ?? 2 * DAYS, 30)), containersReady ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${unreadyNames}]` })),
        condition('PodScheduled', true, scheduledAt),
      ];
  const seed = `${owner.namespace}/${name}`;
  const pod: k8s.V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(owner.kind === 'StatefulSet' ? {} : { generateName: name.replace(/[a-z0-9]+$/, '') }),
      namespace: owner.namespace,
      uid: uidOf(`pod/${seed}`),
      creationTimestamp: created,
      labels: { ...owner.labels, ...template.labels },
      ...(template.annotations === undefined ? {} : { annotations: template.annotations }),
      ownerReferences: [{ apiVersion: owner.kind === 'Job' ? 'batch/v1' : 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }],
      ...(o.deletingAgo === undefined ? {} : { deletionTimestamp: ago(o.deletingAgo), deletionGracePeriodSeconds: template.terminationGracePeriodSeconds ?? 30 }),
    },
    spec: {
      ...(template.initContainers === undefined ? {} : { initContainers: template.initContainers }),
      containers: template.containers,
      volumes: [
        ...(template.volumes ?? []),
        { name: 'kube-api-access', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } },
      ],
      restartPolicy: owner.kind === 'Job' ? 'Never' : 'Always',
      terminationGracePeriodSeconds: template.terminationGracePeriodSeconds ?? 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: template.serviceAccountName ?? 'default',
      serviceAccount: template.serviceAccountName ?? 'default',
      ...(node === undefined ? {} : { nodeName: node }),
      ...(template.nodeSelector === undefined ? {} : { nodeSelector: template.nodeSelector }),
      ...(template.affinity === undefined ? {} : { affinity: template.affinity }),
      ...(template.topologySpreadConstraints === undefined ? {} : { topologySpreadConstraints: template.topologySpreadConstraints }),
      ...(template.imagePullSecrets === undefined ? {} : { imagePullSecrets: template.imagePullSecrets.map((n) => ({ name: n })) }),
      securityContext: template.securityContext ?? {},
      schedulerName: 'default-scheduler',
      tolerations: [
        ...(template.tolerations ?? []),
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      ...(template.priorityClassName === undefined ? {} : { priorityClassName: template.priorityClassName }),
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase,
      conditions: [...conditions, ...(o.conditions ?? [])],
      ...(o.reason === undefined ? {} : { reason: o.reason }),
      ...(o.message === undefined ? {} : { message: o.message }),
      ...(node === undefined ? {} : { hostIP: ipOf(`host/${node}`), hostIPs: [{ ip: ipOf(`host/${node}`) }], ...(sandbox ? { podIP: ipOf(`pod/${seed}`), podIPs: [{ ip: ipOf(`pod/${seed}`) }] } : {}), startTime: scheduledAt }),
      ...(node === undefined ? {} : { containerStatuses: stories.map(([c, s]) => containerStatus(c, s, seed)) }),
      ...(node === undefined || initStories.length === 0 ? {} : { initContainerStatuses: initStories.map(([c, s]) => containerStatus(c, s, seed)) }),
      qosClass: qosOf([...template.containers, ...(template.initContainers ?? [])]),
    },
  };
  return pod;
}

/**
 * A pod the kubelet evicted (node pressure): Failed/Evicted with the eviction message, and the
 * DisruptionTarget condition it writes. Spread it into the pod's options; the containers'
 * stories (terminated) are the scenario's.
 */
export function kubeletEviction(message: string, atAgo: number): Required<Pick<PodOpts, 'phase' | 'reason' | 'message' | 'conditions'>> {
  return {
    phase: 'Failed',
    reason: 'Evicted',
    message,
    conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastTransitionTime: ago(atAgo) }],
  };
}

function initDone(o: PodOpts): ContainerStory {
  const age = o.createdAgo ?? 2 * DAYS;
  return { state: exited({ exitCode: 0, reason: 'Completed', finishedAgo: Math.max(0, age - 0.3), ranSeconds: 8 }, 'init'), ready: true, restartCount: 0, started: false };
}
