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
    fieldPath: `spec.${o.init ? 'initContainers' : 'containers'}{${container}}`,
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

/** The routine Scheduled / Pulled / Created / Started sequence of a healthy start. */
export function startedNormally(pod: Pod & { spec?: k8s.V1PodSpec }, container: string, image: string, atAgo: number): k8s.CoreV1Event[] {
  const node = pod.spec?.nodeName ?? 'unknown';
  const name = pod.metadata?.name ?? '';
  const ns = pod.metadata?.namespace ?? '';
  return [
    event({ on: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${node}`, firstAgo: atAgo, lastAgo: atAgo, component: 'default-scheduler' }),
    event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: atAgo, lastAgo: atAgo, fieldPath: `spec.containers{${container}}` }),
    event({ on: pod, type: 'Normal', reason: 'Created', message: `Created container ${container}`, firstAgo: atAgo, lastAgo: atAgo, fieldPath: `spec.containers{${container}}` }),
    event({ on: pod, type: 'Normal', reason: 'Started', message: `Started container ${container}`, firstAgo: atAgo, lastAgo: atAgo, fieldPath: `spec.containers{${container}}` }),
  ];
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
