// V1Container (+ V1ContainerStatus) → container evidence. Shared by pods, the workload template
// and the revisions: one mapping, so a template and its pods never disagree about a container.
import type * as k8s from '@kubernetes/client-node';
import type {
  LifecycleHooksEvidence,
  ContainerEvidence,
  ContainerSpecEvidence,
  ContainerStateEvidence,
  ProbeEvidence,
  ProbesEvidence,
  ResourcesEvidence,
  TerminatedStateEvidence,
} from '../../domain/triage/evidence.js';
import { assignDefined, copyMap, toIsoTime, toProtocol } from './map-common.js';
import { mapEnvFrom, mapEnvVar, mapVolumeMounts } from './map-spec.js';

export function mapResources(r: k8s.V1ResourceRequirements | undefined): ResourcesEvidence {
  return { requests: copyMap(r?.requests), limits: copyMap(r?.limits) };
}

function mapProbe(p: k8s.V1Probe | undefined): ProbeEvidence | undefined {
  if (p === undefined) return undefined;
  let out: ProbeEvidence;
  if (p.httpGet !== undefined) {
    out = { type: 'http', port: p.httpGet.port };
    if (p.httpGet.path !== undefined) out.path = p.httpGet.path;
    if (p.httpGet.scheme !== undefined) out.scheme = p.httpGet.scheme;
  } else if (p.tcpSocket !== undefined) {
    out = { type: 'tcp', port: p.tcpSocket.port };
  } else if (p.grpc !== undefined) {
    out = { type: 'grpc', port: p.grpc.port };
    if (p.grpc.service) out.service = p.grpc.service;
  } else if (p.exec !== undefined) {
    out = { type: 'exec', command: (p.exec.command ?? []).join(' ') };
  } else {
    // A probe without a handler is rejected by the API server; nothing to describe.
    return undefined;
  }
  const { initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold } = p;
  return assignDefined(out, { initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold });
}

/** A lifecycle hook's handler as a person reads it: the exec command, `GET :8080/warm`, `sleep 5s`. */
function describeHook(h: k8s.V1LifecycleHandler | undefined): string | undefined {
  if (h === undefined) return undefined;
  if (h.exec !== undefined) return (h.exec.command ?? []).join(' ');
  if (h.httpGet !== undefined) return `${h.httpGet.scheme === 'HTTPS' ? 'HTTPS ' : ''}GET ${h.httpGet.host ?? ''}:${String(h.httpGet.port)}${h.httpGet.path ?? '/'}`;
  if (h.sleep !== undefined) return `sleep ${h.sleep.seconds}s`;
  if (h.tcpSocket !== undefined) return `TCP :${String(h.tcpSocket.port)}`;
  return undefined;
}

/** postStart and preStop, when the container has them. */
export function mapHooks(c: k8s.V1Container): LifecycleHooksEvidence | undefined {
  const hooks = assignDefined<LifecycleHooksEvidence>({}, { postStart: describeHook(c.lifecycle?.postStart), preStop: describeHook(c.lifecycle?.preStop) });
  return Object.keys(hooks).length > 0 ? hooks : undefined;
}

export function mapProbes(c: k8s.V1Container): ProbesEvidence {
  return assignDefined<ProbesEvidence>({}, { readiness: mapProbe(c.readinessProbe), liveness: mapProbe(c.livenessProbe), startup: mapProbe(c.startupProbe) });
}

export function mapContainerSpec(c: k8s.V1Container): ContainerSpecEvidence {
  return {
    name: c.name,
    // image is optional in the schema (a Deployment may leave it to a mutating webhook).
    image: c.image ?? '',
    ...(c.imagePullPolicy === 'Always' || c.imagePullPolicy === 'IfNotPresent' || c.imagePullPolicy === 'Never' ? { imagePullPolicy: c.imagePullPolicy } : {}),
    ports: (c.ports ?? []).map((p) => {
      const port: ContainerSpecEvidence['ports'][number] = { containerPort: p.containerPort, protocol: toProtocol(p.protocol) };
      if (p.name !== undefined) port.name = p.name;
      if (p.hostPort !== undefined) port.hostPort = p.hostPort;
      return port;
    }),
    resources: mapResources(c.resources),
    probes: mapProbes(c),
    ...(c.command === undefined ? {} : { command: [...c.command] }),
    ...(c.args === undefined ? {} : { args: [...c.args] }),
    ...(c.workingDir === undefined || c.workingDir === '' ? {} : { workingDir: c.workingDir }),
    ...(c.env === undefined ? {} : { env: c.env.map(mapEnvVar) }),
    ...(c.envFrom === undefined ? {} : { envFrom: mapEnvFrom(c.envFrom) }),
    ...(c.volumeMounts === undefined ? {} : { volumeMounts: mapVolumeMounts(c.volumeMounts) }),
    // A native sidecar: an init container that keeps running beside the app (Kubernetes ≥ 1.29).
    ...(c.restartPolicy === 'Always' ? { sidecar: true } : {}),
    ...assignDefined<Pick<ContainerSpecEvidence, 'hooks'>>({}, { hooks: mapHooks(c) }),
  };
}

function mapTerminated(t: k8s.V1ContainerStateTerminated): TerminatedStateEvidence {
  const out: TerminatedStateEvidence = { exitCode: t.exitCode };
  if (t.reason !== undefined && t.reason !== '') out.reason = t.reason;
  if (t.signal !== undefined) out.signal = t.signal;
  if (t.message !== undefined && t.message !== '') out.message = t.message;
  return assignDefined(out, { startedAt: toIsoTime(t.startedAt), finishedAt: toIsoTime(t.finishedAt) });
}

/** V1ContainerState → evidence; undefined when none of waiting/running/terminated is set. */
function mapContainerState(s: k8s.V1ContainerState | undefined): ContainerStateEvidence | undefined {
  if (s?.terminated !== undefined) return { terminated: mapTerminated(s.terminated) };
  if (s?.waiting !== undefined) {
    // reason is required by the evidence type; the kubelet always sets one, '' if it did not.
    const waiting: { reason: string; message?: string } = { reason: s.waiting.reason ?? '' };
    if (s.waiting.message !== undefined && s.waiting.message !== '') waiting.message = s.waiting.message;
    return { waiting };
  }
  if (s?.running !== undefined) {
    const startedAt = toIsoTime(s.running.startedAt);
    return { running: startedAt === undefined ? {} : { startedAt } };
  }
  return undefined;
}

export function mapContainer(c: k8s.V1Container, status: k8s.V1ContainerStatus | undefined): ContainerEvidence {
  const out: ContainerEvidence = {
    ...mapContainerSpec(c),
    restartCount: status?.restartCount ?? 0,
    ready: status?.ready ?? false,
  };
  const state = mapContainerState(status?.state);
  const lastState = mapContainerState(status?.lastState);
  if (state !== undefined) out.state = state;
  if (lastState !== undefined) out.lastState = lastState;
  if (status?.imageID !== undefined && status.imageID !== '') out.imageID = status.imageID;
  return out;
}
