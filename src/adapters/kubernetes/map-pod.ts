// V1Pod → PodEvidence, copying what the API says (see the header of evidence.ts).
import type * as k8s from '@kubernetes/client-node';
import type { PodEvidence, WorkloadKind } from '../../domain/triage/evidence.js';
import { mapContainer } from './map-container.js';
import { mapInjectedContainers, mapMissedInjection } from './map-injected.js';
import { mapDownwardAnnotations } from './map-downward-annotations.js';
import { assignDefined, copyMap, toIsoTime, mapConditions } from './map-common.js';
import { mapPlacement, mapTokenLifetime, mapVolumes } from './map-spec.js';

const PHASES = new Set<PodEvidence['phase']>(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);
const QOS = new Set<NonNullable<PodEvidence['qosClass']>>(['Guaranteed', 'Burstable', 'BestEffort']);

/**
 * Which label ties a pod to its revision: the ReplicaSet's pod-template-hash, or the
 * ControllerRevision's name (StatefulSet) or hash (DaemonSet). Job pods have no revisions.
 */
function revisionLabel(kind: WorkloadKind): string | undefined {
  if (kind === 'Deployment') return 'pod-template-hash';
  if (kind === 'StatefulSet' || kind === 'DaemonSet') return 'controller-revision-hash';
  return undefined;
}

/** The controller that made a pod (its controller ownerReference); undefined for a bare pod. */
export function controllerOf(pod: k8s.V1Pod): { kind: string; name: string } | undefined {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  return owner === undefined ? undefined : { kind: owner.kind, name: owner.name };
}

/**
 * A pod of some other workload, mapped by its own controller's kind (StatefulSet pods carry
 * controller-revision-hash, ReplicaSet ones pod-template-hash).
 */
export function mapForeignPod(pod: k8s.V1Pod): PodEvidence {
  const kind = controllerOf(pod)?.kind;
  return mapPod(pod, kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'Job' ? kind : 'Deployment');
}

export function mapPod(pod: k8s.V1Pod, workloadKind: WorkloadKind): PodEvidence {
  const meta = pod.metadata ?? {};
  const status = pod.status ?? {};
  const labels = copyMap(meta.labels);
  const conditions = mapConditions(status.conditions);
  const statuses = new Map((status.containerStatuses ?? []).map((s) => [s.name, s]));
  const initStatuses = new Map((status.initContainerStatuses ?? []).map((s) => [s.name, s]));
  const phase = status.phase as PodEvidence['phase'] | undefined;
  const out: PodEvidence = {
    name: meta.name ?? '',
    // The API server sets Pending on create; a pod without a phase has not been looked at yet.
    phase: phase === undefined ? 'Pending' : PHASES.has(phase) ? phase : 'Unknown',
    labels,
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    conditions,
    containers: (pod.spec?.containers ?? []).map((c) => mapContainer(c, statuses.get(c.name))),
    initContainers: (pod.spec?.initContainers ?? []).map((c) => mapContainer(c, initStatuses.get(c.name))),
  };
  if (meta.uid !== undefined) out.uid = meta.uid;
  if (pod.spec?.nodeName !== undefined && pod.spec.nodeName !== '') out.nodeName = pod.spec.nodeName;
  if (status.reason !== undefined && status.reason !== '') out.reason = status.reason;
  if (status.message !== undefined && status.message !== '') out.message = status.message;
  const qos = status.qosClass as PodEvidence['qosClass'];
  if (qos !== undefined && QOS.has(qos)) out.qosClass = qos;
  assignDefined(out, { createdAt: toIsoTime(meta.creationTimestamp), startTime: toIsoTime(status.startTime), deletionTimestamp: toIsoTime(meta.deletionTimestamp) });
  if (meta.finalizers?.length) out.finalizers = [...meta.finalizers];
  const label = revisionLabel(workloadKind);
  const hash = label === undefined ? undefined : labels[label];
  if (hash !== undefined) out.revisionHash = hash;
  out.placement = mapPlacement(pod.spec);
  out.volumes = mapVolumes(pod.spec?.volumes);
  if (pod.spec?.serviceAccountName) out.serviceAccountName = pod.spec.serviceAccountName;
  const tokenSeconds = mapTokenLifetime(pod.spec);
  if (tokenSeconds !== undefined) out.serviceAccountTokenSeconds = tokenSeconds;
  if (pod.spec?.imagePullSecrets?.length) out.imagePullSecrets = pod.spec.imagePullSecrets.map((s) => s.name ?? '');
  const index = labels['apps.kubernetes.io/pod-index'] ?? (workloadKind === 'StatefulSet' ? /-(\d+)$/.exec(out.name)?.[1] : undefined);
  if (index !== undefined && /^\d+$/.test(index)) out.ordinal = Number(index);
  const job = labels['batch.kubernetes.io/job-name'] ?? labels['job-name'];
  if (job !== undefined) out.jobName = job;
  // The annotation is always set on an Indexed Job's pods; the label only since Kubernetes 1.28.
  const completion = meta.annotations?.['batch.kubernetes.io/job-completion-index'] ?? labels['batch.kubernetes.io/job-completion-index'];
  if (completion !== undefined && /^\d+$/.test(completion)) out.completionIndex = Number(completion);
  if (pod.spec?.dnsPolicy) out.dnsPolicy = pod.spec.dnsPolicy;
  if (pod.spec?.hostNetwork) out.hostNetwork = true;
  const ips = status.podIPs?.length ? status.podIPs.map((a) => a.ip) : status.podIP ? [status.podIP] : [];
  if (ips.length > 0) out.podIPs = ips;
  if (pod.spec?.enableServiceLinks === false) out.enableServiceLinks = false;
  if (pod.spec?.dnsConfig?.nameservers?.length) out.dnsNameservers = [...pod.spec.dnsConfig.nameservers];
  if (pod.spec?.dnsConfig?.searches?.length) out.dnsSearches = [...pod.spec.dnsConfig.searches];
  const ndots = pod.spec?.dnsConfig?.options?.find((o) => o.name === 'ndots')?.value;
  if (ndots !== undefined && /^\d+$/.test(ndots)) out.dnsNdots = Number(ndots);
  const options = (pod.spec?.dnsConfig?.options ?? []).flatMap((o) => (o.name ? [o.value === undefined ? o.name : `${o.name}:${o.value}`] : []));
  if (options.length > 0) out.dnsOptions = options;
  if (pod.spec?.schedulerName) out.schedulerName = pod.spec.schedulerName;
  if (pod.spec?.runtimeClassName) out.runtimeClassName = pod.spec.runtimeClassName;
  if (pod.spec?.overhead && Object.keys(pod.spec.overhead).length > 0) out.overhead = Object.fromEntries(Object.entries(pod.spec.overhead).map(([k, v]) => [k, String(v)]));
  if (pod.spec?.priority !== undefined) out.priority = pod.spec.priority;
  if (pod.spec?.priorityClassName) out.priorityClassName = pod.spec.priorityClassName;
  if (pod.spec?.activeDeadlineSeconds !== undefined) out.activeDeadlineSeconds = pod.spec.activeDeadlineSeconds;
  // Admission rewrites resources without a revision to show it: these say who did.
  const limitRanger = meta.annotations?.['kubernetes.io/limit-ranger'];
  const vpaUpdates = meta.annotations?.['vpaUpdates'];
  // Mutating policies: Kyverno lists its patches by path, Gatekeeper only the mutators that ran.
  const kyvernoPatches = meta.annotations?.['policies.kyverno.io/last-applied-patches'];
  const gatekeeperMutations = meta.annotations?.['gatekeeper.sh/mutations'];
  const notes = { ...(limitRanger ? { limitRanger } : {}), ...(vpaUpdates ? { vpaUpdates } : {}), ...(kyvernoPatches ? { kyvernoPatches } : {}), ...(gatekeeperMutations ? { gatekeeperMutations } : {}) };
  if (Object.keys(notes).length > 0) out.resourceAnnotations = notes;
  const injected = mapInjectedContainers(pod);
  if (injected.length > 0) out.injectedContainers = injected;
  const missed = mapMissedInjection(pod);
  if (missed !== undefined) out.missedInjection = missed;
  const downward = mapDownwardAnnotations(pod);
  if (downward !== undefined) out.downwardAnnotations = downward;
  if (pod.spec?.schedulingGates?.length) out.schedulingGates = pod.spec.schedulingGates.map((g) => g.name);
  if (pod.spec?.readinessGates?.length) out.readinessGates = pod.spec.readinessGates.map((g) => g.conditionType);
  if (pod.spec?.hostAliases?.length) out.hostAliases = pod.spec.hostAliases.map((a) => ({ ip: a.ip, hostnames: [...(a.hostnames ?? [])] }));
  return out;
}

/**
 * How much a pod needs a look, for choosing which pods get per-pod reads when there are many:
 * not ready, waiting (CrashLoopBackOff, ImagePullBackOff), terminated runs, restarts, deletion.
 */
function scoreTrouble(p: PodEvidence): number {
  let score = 0;
  if (!p.ready) score += 100;
  if (p.phase !== 'Running' && p.phase !== 'Succeeded') score += 50;
  if (p.deletionTimestamp !== undefined) score += 10;
  for (const c of [...p.initContainers, ...p.containers]) {
    if (c.state !== undefined && 'waiting' in c.state) score += 40;
    if (c.lastState !== undefined && 'terminated' in c.lastState) score += 20;
    score += Math.min(c.restartCount, 30);
  }
  return score;
}

/** Pods most in need of a look first; ties by name so the choice is stable. */
export function rankPods(pods: readonly PodEvidence[]): PodEvidence[] {
  return [...pods].sort((a, b) => scoreTrouble(b) - scoreTrouble(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
