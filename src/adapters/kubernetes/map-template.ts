// A revision's whole pod template → evidence, for the template diff between revisions: every
// container field a rollout can change, and the pod-level fields (init containers, volumes,
// service account, pull secrets, placement, security context).
import type * as k8s from '@kubernetes/client-node';
import type { PodTemplateEvidence, RevisionContainerEvidence } from '../../domain/triage/evidence.js';
import { formatProbe } from '../../domain/triage/evidence-lookup.js';
import { assignDefined } from './map-common.js';
import { mapHooks, mapProbes, mapResources } from './map-container.js';
import { mapEnvFrom, mapEnvVar, mapPlacement, mapVolumeMounts, mapVolumes } from './map-spec.js';

function compact(v: object | undefined): string | undefined {
  if (v === undefined) return undefined;
  const text = JSON.stringify(v);
  return text === '{}' ? undefined : text;
}

export function mapRevisionContainer(c: k8s.V1Container): RevisionContainerEvidence {
  const probes = mapProbes(c);
  const rendered: NonNullable<RevisionContainerEvidence['probes']> = {};
  if (probes.readiness) rendered.readiness = formatProbe(probes.readiness);
  if (probes.liveness) rendered.liveness = formatProbe(probes.liveness);
  if (probes.startup) rendered.startup = formatProbe(probes.startup);
  const mounts = mapVolumeMounts(c.volumeMounts);
  const securityContext = compact(c.securityContext);
  return {
    name: c.name,
    image: c.image ?? '',
    env: (c.env ?? []).map(mapEnvVar),
    envFrom: mapEnvFrom(c.envFrom),
    resources: mapResources(c.resources),
    ...(c.command === undefined ? {} : { command: [...c.command] }),
    ...(c.args === undefined ? {} : { args: [...c.args] }),
    ports: (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` "${p.name}"` : ''}${p.hostPort === undefined ? '' : ` hostPort ${p.hostPort}`}`),
    probes: rendered,
    volumeMounts: mounts,
    ...(securityContext === undefined ? {} : { securityContext }),
    ...assignDefined<Pick<RevisionContainerEvidence, 'hooks'>>({}, { hooks: mapHooks(c) }),
  };
}

/** Labels the controllers add to tell revisions apart; they change on every rollout by design. */
const HASH_LABELS = ['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'];

export function mapPodTemplate(spec: k8s.V1PodSpec | undefined, labels?: Record<string, string>, annotations?: Record<string, string>): PodTemplateEvidence {
  const securityContext = compact(spec?.securityContext);
  const own = Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !HASH_LABELS.includes(k)));
  return {
    ...(labels === undefined ? {} : { labels: own }),
    ...(annotations === undefined ? {} : { annotations: Object.fromEntries(Object.entries(annotations).map(([k, v]) => [k, String(v).slice(0, 500)])) }),
    initContainers: (spec?.initContainers ?? []).map(mapRevisionContainer),
    volumes: mapVolumes(spec?.volumes),
    ...(spec?.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
    imagePullSecrets: (spec?.imagePullSecrets ?? []).map((s) => s.name ?? ''),
    placement: mapPlacement(spec),
    ...(spec?.nodeName ? { nodeName: spec.nodeName } : {}),
    ...(spec?.schedulerName ? { schedulerName: spec.schedulerName } : {}),
    ...(spec?.schedulingGates?.length ? { schedulingGates: spec.schedulingGates.map((g) => g.name) } : {}),
    ...(securityContext === undefined ? {} : { securityContext }),
    ...(spec?.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
    ...(spec?.runtimeClassName ? { runtimeClassName: spec.runtimeClassName } : {}),
    ...(spec?.hostNetwork ? { hostNetwork: true } : {}),
    ...(spec?.shareProcessNamespace ? { shareProcessNamespace: true } : {}),
    ...(spec?.dnsPolicy ? { dnsPolicy: spec.dnsPolicy } : {}),
    ...assignDefined<Pick<PodTemplateEvidence, 'dnsConfig'>>({}, { dnsConfig: compact(spec?.dnsConfig) }),
    ...(spec?.hostAliases?.length ? { hostAliases: spec.hostAliases.map((a) => `${a.ip} ${(a.hostnames ?? []).join(' ')}`) } : {}),
    ...(spec?.automountServiceAccountToken === undefined ? {} : { automountServiceAccountToken: spec.automountServiceAccountToken }),
    ...(spec?.terminationGracePeriodSeconds === undefined ? {} : { terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds }),
    ...(spec?.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: spec.activeDeadlineSeconds }),
  };
}
