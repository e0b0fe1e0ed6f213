// Events the way controllers and kubelets record them (core/v1, with count, first and last
// timestamps). Messages are written by the scenario, in the exact words Kubernetes uses; the
// helpers below cover the ones every story needs.
import type * as k8s from '@kubernetes/client-node';
import { ago, uidOf } from './clock.js';

let sequence = 0;

const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1', ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1',
  Job: 'batch/v1', CronJob: 'batch/v1', HorizontalPodAutoscaler: 'autoscaling/v2', NetworkPolicy: 'networking.k8s.io/v1',
};

export interface EventOpts {
  /** The object the event is about: a built object (pod, node, ReplicaSet…) or a reference. */
  on: { kind?: string; metadata?: k8s.V1ObjectMeta } | { kind: string; name: string; namespace?: string };
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  /** Minutes before NOW of the first and the last occurrence. Default: last = 1, first = last. */
  firstAgo?: number;
  lastAgo?: number;
  /** source.component: kubelet, default-scheduler, deployment-controller, … Default kubelet. */
  component?: string;
  /** involvedObject.fieldPath, e.g. `spec.containers{app}`. */
  fieldPath?: string;
}

function refOf(on: EventOpts['on']): { kind: string; name: string; namespace?: string; uid?: string; apiVersion?: string } {
  if ('name' in on) return { kind: on.kind, name: on.name, ...(on.namespace === undefined ? {} : { namespace: on.namespace }) };
  const m = on.metadata ?? {};
  return {
    kind: on.kind ?? 'Pod',
    name: m.name ?? '',
    ...(m.namespace === undefined ? {} : { namespace: m.namespace }),
    ...(m.uid === undefined ? {} : { uid: m.uid }),
  };
}

export function event(o: EventOpts): k8s.CoreV1Event {
  sequence += 1;
  const ref = refOf(o.on);
  const last = o.lastAgo ?? 1;
  const first = o.firstAgo ?? last;
  // Node events live in `default`, as the kubelet and node controller record them.
  const namespace = ref.namespace ?? 'default';
  const name = `${ref.name}.${uidOf(`event/${sequence}/${ref.name}/${o.reason}`).replace(/-/g, '').slice(0, 16)}`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace, uid: uidOf(`event-uid/${name}`), creationTimestamp: ago(first) },
    involvedObject: {
      kind: ref.kind,
      name: ref.name,
      namespace: ref.namespace ?? (ref.kind === 'Node' ? '' : namespace),
      ...(ref.uid === undefined ? {} : { uid: ref.uid }),
      apiVersion: API_VERSIONS[ref.kind] ?? 'v1',
      ...(o.fieldPath === undefined ? {} : { fieldPath: o.fieldPath }),
    },
    reason: o.reason,
    message: o.message,
    type: o.type ?? 'Warning',
    count: o.count ?? 1,
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    source: { component: o.component ?? 'kubelet' },
    reportingComponent: o.component ?? 'kubelet',
    reportingInstance: '',
  };
}

type Pod = { kind?: string; metadata?: k8s.V1ObjectMeta };
type Occurrences = { count: number; firstAgo: number; lastAgo: number };

const containerPath = (container: string, init?: boolean): string => `spec.${init ? 'initContainers' : 'containers'}{${container}}`;

/** `Back-off restarting failed container app in pod …` */
export function backOff(pod: Pod, container: string, o: { count: number; firstAgo: number; lastAgo?: number; init?: boolean }): k8s.CoreV1Event {
  const name = pod.metadata?.name ?? '';
  return event({
    on: pod,
    reason: 'BackOff',
    message: `Back-off restarting failed container ${container} in pod ${name}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`,
    count: o.count,
    firstAgo: o.firstAgo,
    lastAgo: o.lastAgo ?? 0.5,
    fieldPath: containerPath(container, o.init),
  });
}

/** `Liveness probe failed: …` / `Readiness probe failed: …` / `Startup probe failed: …` */
export function probeFailed(pod: Pod, container: string, probe: 'Liveness' | 'Readiness' | 'Startup', detail: string, o: { count: number; firstAgo: number; lastAgo?: number }): k8s.CoreV1Event {
  return event({ on: pod, reason: 'Unhealthy', message: `${probe} probe failed: ${detail}`, count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo ?? 0.5, fieldPath: `spec.containers{${container}}` });
}

/** `Container app failed liveness probe, will be restarted` */
export function probeKilling(pod: Pod, container: string, probe: 'liveness' | 'startup', o: { count: number; firstAgo: number; lastAgo?: number }): k8s.CoreV1Event {
  return event({ on: pod, type: 'Normal', reason: 'Killing', message: `Container ${container} failed ${probe} probe, will be restarted`, count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo ?? 1, fieldPath: `spec.containers{${container}}` });
}

/** `Successfully assigned shop/checkout-… to ip-…` (Scheduled, default-scheduler). */
export function scheduled(pod: Pod & { spec?: k8s.V1PodSpec }, atAgo: number): k8s.CoreV1Event {
  const node = pod.spec?.nodeName ?? 'unknown';
  return event({ on: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} to ${node}`, firstAgo: atAgo, lastAgo: atAgo, component: 'default-scheduler' });
}

/** The routine Scheduled / Pulled / Created / Started sequence of a healthy start. */
export function startedNormally(pod: Pod & { spec?: k8s.V1PodSpec }, container: string, image: string, atAgo: number): k8s.CoreV1Event[] {
  const fieldPath = containerPath(container);
  return [
    scheduled(pod, atAgo),
    event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: atAgo, lastAgo: atAgo, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'Created', message: `Created container ${container}`, firstAgo: atAgo, lastAgo: atAgo, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'Started', message: `Started container ${container}`, firstAgo: atAgo, lastAgo: atAgo, fieldPath }),
  ];
}

/**
 * Scheduled, then a first pull of the image as the kubelet reports it since 1.30 (Pulling, and
 * `Successfully pulled image … in 3.918s (3.918s including waiting). Image size: … bytes.`
 * `pulledAgo`, default 6 s after `atAgo`).
 */
export function pulledFresh(pod: Pod & { spec?: k8s.V1PodSpec }, container: string, image: string, o: { atAgo: number; bytes: number; seconds: number; pulledAgo?: number; init?: boolean }): k8s.CoreV1Event[] {
  const fieldPath = containerPath(container, o.init);
  const pulledAgo = o.pulledAgo ?? o.atAgo - 0.1;
  return [
    scheduled(pod, o.atAgo),
    event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: o.atAgo, lastAgo: o.atAgo, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in ${o.seconds}s (${o.seconds}s including waiting). Image size: ${o.bytes} bytes.`, firstAgo: pulledAgo, lastAgo: pulledAgo, fieldPath }),
  ];
}

/** A container the kubelet restarted again and again: Pulled (already present) / Created / Started, `count` times. */
export function restartedAgain(pod: Pod, container: string, image: string, o: Occurrences): k8s.CoreV1Event[] {
  const fieldPath = containerPath(container);
  return [
    event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, ...o, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'Created', message: `Created container ${container}`, ...o, fieldPath }),
    event({ on: pod, type: 'Normal', reason: 'Started', message: `Started container ${container}`, ...o, fieldPath }),
  ];
}

/** FailedScheduling (default-scheduler) with the scheduler's message: `0/6 nodes are available: …`. */
export function failedScheduling(pod: Pod, message: string, o: Occurrences): k8s.CoreV1Event {
  return event({ on: pod, reason: 'FailedScheduling', message, count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo, component: 'default-scheduler' });
}

/** `pod didn't trigger scale-up: …` (NotTriggerScaleUp, cluster-autoscaler). */
export function notTriggerScaleUp(pod: Pod, why: string, o: Occurrences): k8s.CoreV1Event {
  return event({ on: pod, type: 'Normal', reason: 'NotTriggerScaleUp', message: `pod didn't trigger scale-up: ${why}`, count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo, component: 'cluster-autoscaler' });
}

/** An event on a node (kubelet by default; Normal unless said). */
export function nodeEvent(name: string, reason: string, message: string, o: { type?: 'Normal' | 'Warning'; count?: number; firstAgo: number; lastAgo?: number; component?: string }): k8s.CoreV1Event {
  return event({ on: { kind: 'Node', name }, reason, message, type: o.type ?? 'Normal', count: o.count ?? 1, firstAgo: o.firstAgo, lastAgo: o.lastAgo ?? o.firstAgo, component: o.component ?? 'kubelet' });
}

/** `Created pod: …` (SuccessfulCreate) on the ReplicaSet that created the pod. */
export function createdPod(rs: Pod, pod: Pod, atAgo: number): k8s.CoreV1Event {
  return event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata?.name ?? ''}`, firstAgo: atAgo, lastAgo: atAgo, component: 'replicaset-controller' });
}

/** An event of the Job controller on a Job (SuccessfulCreate, Completed, BackoffLimitExceeded, …). */
export function jobEvent(job: Pod | undefined, reason: string, message: string, atAgo: number, type: 'Normal' | 'Warning' = 'Normal'): k8s.CoreV1Event {
  return event({ on: { kind: 'Job', ...(job?.metadata === undefined ? {} : { metadata: job.metadata }) }, type, reason, message, firstAgo: atAgo, lastAgo: atAgo, component: 'job-controller' });
}

/** An event of the CronJob controller on a CronJob (SuccessfulCreate, SawCompletedJob, …). */
export function cronJobEvent(cronJob: Pod | undefined, reason: string, message: string, atAgo: number, type: 'Normal' | 'Warning' = 'Normal'): k8s.CoreV1Event {
  return event({ on: { kind: 'CronJob', ...(cronJob?.metadata === undefined ? {} : { metadata: cronJob.metadata }) }, type, reason, message, firstAgo: atAgo, lastAgo: atAgo, component: 'cronjob-controller' });
}

/** `Scaled up replica set checkout-7c9d8f6b5d to 3 from 0` on the Deployment. */
export function scaledReplicaSet(deployment: Pod, rsName: string, to: number, from: number, atAgo: number): k8s.CoreV1Event {
  return event({
    on: { kind: 'Deployment', ...(deployment.metadata === undefined ? {} : { metadata: deployment.metadata }) },
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${to >= from ? 'up' : 'down'} replica set ${rsName} from ${from} to ${to}`,
    firstAgo: atAgo,
    lastAgo: atAgo,
    component: 'deployment-controller',
  });
}
