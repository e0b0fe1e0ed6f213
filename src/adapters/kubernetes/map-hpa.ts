// autoscaling/v2 HorizontalPodAutoscaler → HpaEvidence: bounds, replicas and one line per
// metric with its current value next to its target, as `kubectl get hpa` shows them.
import type * as k8s from '@kubernetes/client-node';
import type { HpaEvidence, HpaScalingRules, StrayHpaEvidence } from '../../domain/triage/evidence.js';
import { toIsoTime, mapConditions } from './map-common.js';
import { findGitOpsMarker, listSpecFieldOwners } from './map-field-owners.js';

function formatTarget(t: k8s.V2MetricTarget | undefined): string | undefined {
  if (t === undefined) return undefined;
  if (t.averageUtilization !== undefined) return `${t.averageUtilization}%`;
  return t.averageValue ?? t.value;
}

function formatCurrent(c: k8s.V2MetricValueStatus | undefined): string | undefined {
  if (c === undefined) return undefined;
  if (c.averageUtilization !== undefined) return `${c.averageUtilization}%`;
  return c.averageValue ?? c.value;
}

/** A key that pairs a spec metric with its status entry; undefined for unknown metric types. */
function specKey(m: k8s.V2MetricSpec): { key: string; name: string; target?: string; container?: string } | undefined {
  const withTarget = (key: string, name: string, target: k8s.V2MetricTarget | undefined) => {
    const t = formatTarget(target);
    return t === undefined ? { key, name } : { key, name, target: t };
  };
  if (m.resource !== undefined) return withTarget(`Resource/${m.resource.name}`, m.resource.name, m.resource.target);
  if (m.containerResource !== undefined) {
    const c = m.containerResource;
    return { ...withTarget(`ContainerResource/${c.container}/${c.name}`, `${c.name} (container ${c.container})`, c.target), container: c.container };
  }
  if (m.pods !== undefined) return withTarget(`Pods/${m.pods.metric.name}`, m.pods.metric.name, m.pods.target);
  if (m.object !== undefined) return withTarget(`Object/${m.object.metric.name}`, m.object.metric.name, m.object.target);
  if (m.external !== undefined) return withTarget(`External/${m.external.metric.name}`, m.external.metric.name, m.external.target);
  return undefined;
}

function statusKey(m: k8s.V2MetricStatus): { key: string; current?: string } | undefined {
  const withCurrent = (key: string, c: k8s.V2MetricValueStatus | undefined) => {
    const v = formatCurrent(c);
    return v === undefined ? { key } : { key, current: v };
  };
  if (m.resource !== undefined) return withCurrent(`Resource/${m.resource.name}`, m.resource.current);
  if (m.containerResource !== undefined) {
    const c = m.containerResource;
    return withCurrent(`ContainerResource/${c.container}/${c.name}`, c.current);
  }
  if (m.pods !== undefined) return withCurrent(`Pods/${m.pods.metric.name}`, m.pods.current);
  if (m.object !== undefined) return withCurrent(`Object/${m.object.metric.name}`, m.object.current);
  if (m.external !== undefined) return withCurrent(`External/${m.external.metric.name}`, m.external.current);
  return undefined;
}

export function mapHpa(h: k8s.V2HorizontalPodAutoscaler): HpaEvidence {
  const current = new Map<string, string | undefined>();
  for (const m of h.status?.currentMetrics ?? []) {
    const s = statusKey(m);
    if (s !== undefined) current.set(s.key, s.current);
  }
  const metrics: HpaEvidence['metrics'] = [];
  for (const m of h.spec?.metrics ?? []) {
    const s = specKey(m);
    if (s === undefined) continue;
    const line: HpaEvidence['metrics'][number] = { name: s.name };
    const cur = current.get(s.key);
    if (cur !== undefined) line.current = cur;
    if (s.target !== undefined) line.target = s.target;
    if (s.container !== undefined) line.container = s.container;
    metrics.push(line);
  }
  const out: HpaEvidence = {
    name: h.metadata?.name ?? '',
    // The API server defaults minReplicas to 1.
    minReplicas: h.spec?.minReplicas ?? 1,
    maxReplicas: h.spec?.maxReplicas ?? 0,
    // currentReplicas is omitted when 0 (omitempty), so 0 is what the API means.
    currentReplicas: h.status?.currentReplicas ?? 0,
    desiredReplicas: h.status?.desiredReplicas ?? 0,
    metrics,
    conditions: mapConditions(h.status?.conditions),
  };
  const lastScaleTime = toIsoTime(h.status?.lastScaleTime);
  if (lastScaleTime !== undefined) out.lastScaleTime = lastScaleTime;
  const scaleUp = mapScalingRules(h.spec?.behavior?.scaleUp);
  if (scaleUp !== undefined) out.scaleUp = scaleUp;
  const createdAt = toIsoTime(h.metadata?.creationTimestamp);
  if (createdAt !== undefined) out.createdAt = createdAt;
  const managedBy = describeManager(h.metadata);
  if (managedBy !== undefined) out.managedBy = managedBy;
  const owners = h.metadata ? listSpecFieldOwners(h.metadata, 'f:maxReplicas').filter((o) => o.subresource === undefined) : [];
  if (owners.length > 0) out.maxReplicasOwners = owners;
  const gitOps = h.metadata ? findGitOpsMarker(h.metadata) : undefined;
  if (gitOps !== undefined) out.gitOps = gitOps;
  return out;
}

/** "Helm release platform-defaults" from Helm's annotations, else the managed-by label. */
function describeManager(m: k8s.V1ObjectMeta | undefined): string | undefined {
  const release = m?.annotations?.['meta.helm.sh/release-name'];
  if (release !== undefined) return `Helm release ${release}`;
  const tool = m?.labels?.['app.kubernetes.io/managed-by'];
  return tool;
}

/** A behavior's rules as written; policies of an unknown type are left out. */
function mapScalingRules(r: k8s.V2HPAScalingRules | undefined): HpaScalingRules | undefined {
  if (r === undefined) return undefined;
  const policies = (r.policies ?? []).flatMap((p): HpaScalingRules['policies'] => {
    const type = p.type === 'Pods' || p.type === 'Percent' ? p.type : undefined;
    return type === undefined ? [] : [{ type, value: p.value, periodSeconds: p.periodSeconds }];
  });
  const out: HpaScalingRules = { policies };
  if (r.selectPolicy === 'Max' || r.selectPolicy === 'Min' || r.selectPolicy === 'Disabled') out.selectPolicy = r.selectPolicy;
  if (r.stabilizationWindowSeconds !== undefined) out.stabilizationWindowSeconds = r.stabilizationWindowSeconds;
  return out;
}

/** The HPA scales this workload (scaleTargetRef names its kind and name). */
export function targetsWorkload(h: k8s.V2HorizontalPodAutoscaler, kind: string, name: string): boolean {
  const ref = h.spec?.scaleTargetRef;
  return ref?.kind === kind && ref.name === name;
}

/** An HPA whose scale target does not exist (AbleToScale=False, FailedGetScale "… not found"); undefined for any other. */
export function mapStrayHpa(h: k8s.V2HorizontalPodAutoscaler): StrayHpaEvidence | undefined {
  const ref = h.spec?.scaleTargetRef;
  const able = h.status?.conditions?.find((c) => c.type === 'AbleToScale');
  if (ref === undefined || able?.status !== 'False' || able.reason !== 'FailedGetScale' || !/not found/i.test(able.message ?? '')) return undefined;
  const since = toIsoTime(able.lastTransitionTime);
  return {
    name: h.metadata?.name ?? '',
    targetKind: ref.kind,
    targetName: ref.name,
    minReplicas: h.spec?.minReplicas ?? 1,
    maxReplicas: h.spec?.maxReplicas ?? 1,
    message: able.message ?? '',
    ...(since ? { since } : {}),
  };
}
