// Container specs and container statuses. A status is written as what happened to the container
// (running since, crash-looping after exit N, waiting on an image pull…) and rendered the way the
// kubelet reports it in status.containerStatuses.
import type * as k8s from '@kubernetes/client-node';
import { ago, containerId, imageDigest } from './clock.js';

export interface ContainerOpts {
  name?: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: k8s.V1EnvVar[];
  envFrom?: k8s.V1EnvFromSource[];
  /** Container ports; a number n is `{ name: 'http', containerPort: n }`. Default 8080. */
  ports?: (number | k8s.V1ContainerPort)[];
  cpu?: string;
  memory?: string;
  cpuLimit?: string;
  /** Default: equal to `memory`. `null` for none. */
  memoryLimit?: string | null;
  readiness?: k8s.V1Probe | null;
  liveness?: k8s.V1Probe | null;
  startup?: k8s.V1Probe;
  volumeMounts?: k8s.V1VolumeMount[];
  securityContext?: k8s.V1SecurityContext;
  /** A native sidecar (init container with restartPolicy Always). */
  restartPolicy?: 'Always';
}

export function httpProbe(path: string, port: number | string, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe {
  return { httpGet: { path, port, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra };
}

export function tcpProbe(port: number | string, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe {
  return { tcpSocket: { port }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra };
}

export function execProbe(command: string[], extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe {
  return { exec: { command }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra };
}

export function container(o: ContainerOpts): k8s.V1Container {
  const memory = o.memory ?? '512Mi';
  const limit = o.memoryLimit === undefined ? memory : o.memoryLimit;
  const ports = (o.ports ?? [8080]).map((p) => (typeof p === 'number' ? { name: 'http', containerPort: p, protocol: 'TCP' } : { protocol: 'TCP', ...p }));
  const firstPort = ports[0]?.containerPort ?? 8080;
  const c: k8s.V1Container = {
    name: o.name ?? 'app',
    image: o.image,
    imagePullPolicy: 'IfNotPresent',
    ...(o.command === undefined ? {} : { command: o.command }),
    ...(o.args === undefined ? {} : { args: o.args }),
    ...(o.env === undefined ? {} : { env: o.env }),
    ...(o.envFrom === undefined ? {} : { envFrom: o.envFrom }),
    ports,
    resources: {
      requests: { cpu: o.cpu ?? '250m', memory },
      ...(limit === null && o.cpuLimit === undefined ? {} : { limits: { ...(o.cpuLimit ? { cpu: o.cpuLimit } : {}), ...(limit === null ? {} : { memory: limit }) } }),
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [
      ...(o.volumeMounts ?? []),
      { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ],
    ...(o.securityContext === undefined ? {} : { securityContext: o.securityContext }),
    ...(o.restartPolicy === undefined ? {} : { restartPolicy: o.restartPolicy }),
  };
  const readiness = o.readiness === undefined ? httpProbe('/ready', firstPort) : o.readiness;
  const liveness = o.liveness === undefined ? httpProbe('/healthz', firstPort, { initialDelaySeconds: 10 }) : o.liveness;
  if (readiness !== null) c.readinessProbe = readiness;
  if (liveness !== null) c.livenessProbe = liveness;
  if (o.startup !== undefined) c.startupProbe = o.startup;
  return c;
}

/** A container that runs to completion (a Job's, an init container, a queue worker): no ports, no probes. */
export function batchContainer(o: Omit<ContainerOpts, 'ports' | 'readiness' | 'liveness'>): k8s.V1Container {
  return container({ ...o, ports: [], readiness: null, liveness: null });
}

/** What happened to one container, in the words an SRE uses; rendered into a V1ContainerStatus. */
export interface ContainerStory {
  state: k8s.V1ContainerState;
  lastState?: k8s.V1ContainerState;
  ready: boolean;
  restartCount: number;
  started?: boolean;
}

export interface Exit {
  exitCode: number;
  /** Error, OOMKilled, Completed, ContainerCannotRun, StartError. Default Error (Completed for 0). */
  reason?: string;
  message?: string;
  /** Minutes before NOW the run ended. Default 1. */
  finishedAgo?: number;
  /** How long the run lasted. Default 30 s. */
  ranSeconds?: number;
  signal?: number;
}

export function exited(e: Exit, seed = ''): k8s.V1ContainerState {
  const finishedAt = ago(e.finishedAgo ?? 1);
  return {
    terminated: {
      exitCode: e.exitCode,
      reason: e.reason ?? (e.exitCode === 0 ? 'Completed' : 'Error'),
      ...(e.message === undefined ? {} : { message: e.message }),
      ...(e.signal === undefined ? {} : { signal: e.signal }),
      startedAt: new Date(finishedAt.getTime() - (e.ranSeconds ?? 30) * 1000),
      finishedAt,
      containerID: containerId(`${seed}/${e.exitCode}/${e.finishedAgo ?? 1}`),
    },
  };
}

/** Running (and ready unless said), optionally after earlier restarts. */
export function running(o: { sinceAgo?: number; ready?: boolean; restarts?: number; last?: Exit } = {}): ContainerStory {
  return {
    state: { running: { startedAt: ago(o.sinceAgo ?? 2 * 24 * 60) } },
    ...(o.last === undefined ? {} : { lastState: exited(o.last, 'last') }),
    ready: o.ready ?? true,
    restartCount: o.restarts ?? (o.last === undefined ? 0 : 1),
    started: true,
  };
}

/** CrashLoopBackOff after the given exit. */
export function crashLoop(last: Exit, restarts: number): ContainerStory {
  return {
    state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
    lastState: exited(last, 'crash'),
    ready: false,
    restartCount: restarts,
    started: false,
  };
}

/** Waiting for a reason other than a crash loop (ImagePullBackOff, CreateContainerConfigError, …). */
export function waiting(reason: string, message?: string, o: { restarts?: number; last?: Exit } = {}): ContainerStory {
  return {
    state: { waiting: { reason, ...(message === undefined ? {} : { message }) } },
    ...(o.last === undefined ? {} : { lastState: exited(o.last, 'waiting-last') }),
    ready: false,
    restartCount: o.restarts ?? 0,
    started: false,
  };
}

/** Terminated now (a Job's container, or an init container that finished). */
export function terminated(e: Exit, o: { restarts?: number } = {}): ContainerStory {
  return { state: exited(e, 'now'), ready: false, restartCount: o.restarts ?? 0, started: false };
}

export function containerStatus(spec: k8s.V1Container, story: ContainerStory, seed: string): k8s.V1ContainerStatus {
  const isRunning = story.state.running !== undefined;
  const isTerminated = story.state.terminated !== undefined;
  const neverStarted = story.state.waiting !== undefined && story.restartCount === 0 && story.lastState === undefined;
  return {
    name: spec.name,
    image: spec.image ?? '',
    // An image that never pulled has no digest yet.
    imageID: neverStarted ? '' : imageDigest(spec.image ?? ''),
    ...(isRunning || isTerminated ? { containerID: containerId(`${seed}/${spec.name}/current`) } : {}),
    ready: story.ready,
    restartCount: story.restartCount,
    started: story.started ?? isRunning,
    state: story.state,
    lastState: story.lastState ?? {},
  };
}
