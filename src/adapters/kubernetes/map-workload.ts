// The triage target (Deployment, StatefulSet, DaemonSet, Job, CronJob) → WorkloadEvidence, and
// Jobs → JobEvidence.
import type * as k8s from '@kubernetes/client-node';
import type { ClaimTemplateEvidence, JobEvidence, WorkloadEvidence } from '../../domain/triage/evidence.js';
import type { PodFailureRuleEvidence } from '../../domain/triage/evidence-job-policy.js';
import { describeExpressions } from './label-selector.js';
import { findGitOpsMarker, listSpecFieldOwners } from './map-field-owners.js';
import { mapContainerSpec } from './map-container.js';
import { assignDefined, copyMap, toIsoTime, mapConditions } from './map-common.js';
import { mapPlacement } from './map-spec.js';
import { mapRolloutSettings } from './map-rollout-settings.js';
import { readAppliedConcurrencyPolicy, readAppliedSchedule, readAppliedSidecars } from './map-last-applied.js';
import { mapPodTemplate, mapRevisionContainer } from './map-template.js';

export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export type Workload =
  | { kind: 'Deployment'; obj: k8s.V1Deployment }
  | { kind: 'StatefulSet'; obj: k8s.V1StatefulSet }
  | { kind: 'DaemonSet'; obj: k8s.V1DaemonSet }
  | { kind: 'Job'; obj: k8s.V1Job }
  | { kind: 'CronJob'; obj: k8s.V1CronJob };

/** A revision annotation as a number; undefined unless it is a plain non-negative integer. */
export function parseRevision(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** The pod template of any workload kind (a CronJob's is inside its jobTemplate). */
function templateOf(w: Workload): k8s.V1PodTemplateSpec | undefined {
  return w.kind === 'CronJob' ? w.obj.spec?.jobTemplate.spec?.template : w.obj.spec?.template;
}

/** The workload's own pod selector; a CronJob has none (its Jobs do). */
export function selectorOf(w: Workload): k8s.V1LabelSelector | undefined {
  return w.kind === 'CronJob' ? undefined : w.obj.spec?.selector;
}

interface Counts {
  specReplicas: number;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
}

export function countsOf(w: Workload): Counts {
  switch (w.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const s = w.obj.status;
      // The API server defaults spec.replicas to 1; absent only on a hand-built object.
      return { specReplicas: w.obj.spec?.replicas ?? 1, replicas: s?.replicas ?? 0, readyReplicas: s?.readyReplicas ?? 0, availableReplicas: s?.availableReplicas ?? 0, updatedReplicas: s?.updatedReplicas ?? 0 };
    }
    case 'DaemonSet': {
      const s = w.obj.status;
      return { specReplicas: s?.desiredNumberScheduled ?? 0, replicas: s?.currentNumberScheduled ?? 0, readyReplicas: s?.numberReady ?? 0, availableReplicas: s?.numberAvailable ?? 0, updatedReplicas: s?.updatedNumberScheduled ?? 0 };
    }
    case 'Job': {
      const s = w.obj.status;
      const active = s?.active ?? 0;
      return { specReplicas: w.obj.spec?.parallelism ?? 1, replicas: active, readyReplicas: s?.ready ?? 0, availableReplicas: s?.ready ?? 0, updatedReplicas: active };
    }
    case 'CronJob':
      return { specReplicas: 1, replicas: w.obj.status?.active?.length ?? 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0 };
  }
}

/**
 * `currentRevision` for a StatefulSet or DaemonSet comes from its ControllerRevisions, so the
 * caller passes it in once those are read.
 */
export function mapWorkload(w: Workload, controllerRevision?: number): WorkloadEvidence {
  const meta = w.obj.metadata ?? {};
  const template = templateOf(w);
  const selector = selectorOf(w);
  const out: WorkloadEvidence = {
    kind: w.kind,
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    ...countsOf(w),
    selector: copyMap(selector?.matchLabels),
    templateLabels: copyMap(template?.metadata?.labels),
    templateContainers: (template?.spec?.containers ?? []).map(mapContainerSpec),
    templatePlacement: mapPlacement(template?.spec),
    conditions: mapConditions(w.kind === 'CronJob' ? undefined : w.obj.status?.conditions),
  };
  const expressions = describeExpressions(selector);
  if (expressions.length > 0) out.selectorExpressions = expressions;
  const revision = w.kind === 'Deployment' ? parseRevision(meta.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]) : controllerRevision;
  if (revision !== undefined) out.currentRevision = revision;
  if (w.kind === 'StatefulSet') {
    out.podManagementPolicy = w.obj.spec?.podManagementPolicy === 'Parallel' ? 'Parallel' : 'OrderedReady';
    if (w.obj.spec?.serviceName) out.serviceName = w.obj.spec.serviceName;
    const partition = w.obj.spec?.updateStrategy?.rollingUpdate?.partition;
    if (partition !== undefined && partition > 0) out.partition = partition;
    const templates = (w.obj.spec?.volumeClaimTemplates ?? []).map(mapClaimTemplate);
    if (templates.length > 0) out.claimTemplates = templates;
  }
  if ((w.kind === 'StatefulSet' || w.kind === 'DaemonSet') && w.obj.spec?.updateStrategy?.type === 'OnDelete') out.onDelete = true;
  if (w.kind === 'DaemonSet' && w.obj.spec?.updateStrategy?.type !== 'OnDelete') {
    // The API server defaults both; these are its defaults for an object that lacks them.
    const ru = w.obj.spec?.updateStrategy?.rollingUpdate;
    out.rollingUpdate = { maxUnavailable: String(ru?.maxUnavailable ?? 1), maxSurge: String(ru?.maxSurge ?? 0) };
  }
  if (w.kind === 'Deployment' && w.obj.spec?.paused === true) out.paused = true;
  if (w.kind === 'Deployment') out.rolloutSettings = mapRolloutSettings(w.obj.spec);
  if (w.kind === 'Deployment' || w.kind === 'StatefulSet') {
    const owners = listSpecFieldOwners(meta, 'f:replicas');
    if (owners.length > 0) out.replicasOwners = owners;
  }
  const gitOps = findGitOpsMarker(meta);
  if (gitOps !== undefined) out.gitOps = gitOps;
  if (w.kind === 'Deployment' || w.kind === 'StatefulSet' || w.kind === 'DaemonSet') {
    const sidecars = readAppliedSidecars(meta);
    if (sidecars.length > 0) out.appliedSidecars = sidecars;
  }
  if (w.kind === 'CronJob') {
    const last = toIsoTime(w.obj.status?.lastScheduleTime);
    const success = toIsoTime(w.obj.status?.lastSuccessfulTime);
    const suspended = w.obj.spec?.suspend === true;
    const suspendWriter = lastWriterOf(meta, 'f:suspend');
    const pausedBy = suspended ? suspendWriter : undefined;
    const resumedBy = suspended ? undefined : suspendWriter;
    const ttl = w.obj.spec?.jobTemplate.spec?.ttlSecondsAfterFinished;
    const deadline = w.obj.spec?.startingDeadlineSeconds;
    const applied = readAppliedSchedule(meta);
    const scheduleWriter = lastWriterOf(meta, 'f:schedule');
    const templateWriter = lastWriterOf(meta, 'f:jobTemplate');
    const deadlineWriter = typeof deadline === 'number' ? lastWriterOf(meta, 'f:startingDeadlineSeconds') : undefined;
    const concurrencyWriter = lastWriterOf(meta, 'f:concurrencyPolicy');
    const appliedPolicy = readAppliedConcurrencyPolicy(meta);
    out.schedule = {
      cron: w.obj.spec?.schedule ?? '',
      ...(w.obj.spec?.timeZone ? { timeZone: w.obj.spec.timeZone } : {}),
      suspended,
      concurrencyPolicy: w.obj.spec?.concurrencyPolicy === 'Forbid' || w.obj.spec?.concurrencyPolicy === 'Replace' ? w.obj.spec.concurrencyPolicy : 'Allow',
      ...(pausedBy ? { suspendedAt: pausedBy.at, suspendedBy: pausedBy.manager } : {}),
      ...(resumedBy ? { resumedAt: resumedBy.at, resumedBy: resumedBy.manager } : {}),
      ...(last === undefined ? {} : { lastScheduleTime: last }),
      ...(success === undefined ? {} : { lastSuccessfulTime: success }),
      ...(typeof ttl === 'number' ? { jobTtlSeconds: ttl } : {}),
      ...(typeof deadline === 'number' ? { startingDeadlineSeconds: deadline } : {}),
      ...(deadlineWriter ? { deadlineWrittenAt: deadlineWriter.at, deadlineWrittenBy: deadlineWriter.manager } : {}),
      ...(applied === undefined ? {} : { appliedCron: applied }),
      ...(scheduleWriter ? { scheduleWrittenAt: scheduleWriter.at, scheduleWrittenBy: scheduleWriter.manager } : {}),
      ...(appliedPolicy === undefined ? {} : { appliedConcurrencyPolicy: appliedPolicy }),
      ...(concurrencyWriter ? { concurrencyWrittenAt: concurrencyWriter.at, concurrencyWrittenBy: concurrencyWriter.manager } : {}),
      ...(templateWriter ? { templateWrittenAt: templateWriter.at, templateWrittenBy: templateWriter.manager } : {}),
    };
  }
  const createdAt = toIsoTime(meta.creationTimestamp);
  if (createdAt !== undefined) out.createdAt = createdAt;
  return out;
}

export function mapJob(j: k8s.V1Job): JobEvidence {
  const s = j.status;
  const out: JobEvidence = {
    name: j.metadata?.name ?? '',
    active: s?.active ?? 0,
    succeeded: s?.succeeded ?? 0,
    failed: s?.failed ?? 0,
    conditions: mapConditions(s?.conditions),
  };
  return assignDefined(out, {
    createdAt: toIsoTime(j.metadata?.creationTimestamp),
    startTime: toIsoTime(s?.startTime),
    completionTime: toIsoTime(s?.completionTime),
    backoffLimit: j.spec?.backoffLimit,
    activeDeadlineSeconds: j.spec?.activeDeadlineSeconds,
    restartPolicy: mapRestartPolicy(j.spec?.template.spec?.restartPolicy),
    completions: j.spec?.completions,
    parallelism: j.spec?.parallelism,
    completionMode: j.spec?.completionMode === 'Indexed' ? 'Indexed' : undefined,
    backoffLimitPerIndex: j.spec?.backoffLimitPerIndex,
    completedIndexes: s?.completedIndexes || undefined,
    failedIndexes: s?.failedIndexes || undefined,
    ...mapSuspension(j),
    podFailureRules: mapPodFailureRules(j.spec?.podFailurePolicy),
    manual: j.metadata?.annotations?.[MANUAL_ANNOTATION] === 'manual' ? true : undefined,
    tokenAudiences: mapTokenAudiences(j.spec?.template.spec?.volumes),
    containers: j.spec?.template.spec?.containers.map(mapRevisionContainer),
    // Labels left out: the Job controller stamps each run's own (job-name, controller-uid).
    template: j.spec?.template.spec ? mapPodTemplate(j.spec.template.spec, undefined, j.spec.template.metadata?.annotations) : undefined,
  });
}

/** Each projected volume's ServiceAccount token audience, as the Job's template asked for it. */
function mapTokenAudiences(volumes: k8s.V1Volume[] | undefined): JobEvidence['tokenAudiences'] {
  const found = (volumes ?? []).flatMap((v) => {
    const audience = v.projected?.sources?.find((s) => s.serviceAccountToken?.audience)?.serviceAccountToken?.audience;
    return audience ? [{ volume: v.name, audience }] : [];
  });
  return found.length > 0 ? found : undefined;
}

/** A Job's pods may only restart OnFailure or Never; anything else is not kept. */
function mapRestartPolicy(policy: string | undefined): JobEvidence['restartPolicy'] {
  return policy === 'OnFailure' || policy === 'Never' ? policy : undefined;
}

/** kubectl create job --from=cronjob/… marks the Job it creates with this annotation (value "manual"). */
const MANUAL_ANNOTATION = 'cronjob.kubernetes.io/instantiate';

const RULE_ACTIONS = new Set(['FailJob', 'FailIndex', 'Ignore', 'Count']);

/** spec.podFailurePolicy.rules as written: which failures count against backoffLimit. */
function mapPodFailureRules(policy: k8s.V1PodFailurePolicy | undefined): PodFailureRuleEvidence[] | undefined {
  const rules = (policy?.rules ?? []).filter((r) => RULE_ACTIONS.has(r.action)).map((r) => {
    const conditions = (r.onPodConditions ?? []).map((c) => (c.status === 'True' ? c.type : `${c.type}=${c.status}`));
    const codes = r.onExitCodes;
    return {
      action: r.action as PodFailureRuleEvidence['action'],
      ...(conditions.length > 0 ? { onPodConditions: conditions } : {}),
      ...(codes ? { onExitCodes: `${codes.containerName ? `${codes.containerName} ` : ''}${codes.operator} (${codes.values.join(', ')})` } : {}),
    };
  });
  return rules.length > 0 ? rules : undefined;
}

/** Queue-name markers of the queueing controllers that create Jobs suspended and resume them on admission. */
const QUEUE_MARKERS = ['kueue.x-k8s.io/queue-name'];

/** spec.suspend, who last wrote it, and the queue meant to resume it. */
function mapSuspension(j: k8s.V1Job): Partial<JobEvidence> {
  if (j.spec?.suspend !== true) return {};
  const meta = j.metadata ?? {};
  const writer = lastWriterOf(meta, 'f:suspend');
  // Kueue reads the label; older releases read an annotation of the same name.
  const marker = QUEUE_MARKERS.find((m) => meta.labels?.[m] ?? meta.annotations?.[m]);
  const queue = marker === undefined ? undefined : meta.labels?.[marker] ?? meta.annotations?.[marker];
  return {
    suspended: true,
    ...(writer ? { suspendedAt: writer.at, suspendedBy: writer.manager } : {}),
    ...(marker !== undefined && queue ? { queue: { name: queue, marker } } : {}),
  };
}

/** The newest managedFields entry that owns `spec.<field>`: when that field was last written, and by whom. */
function lastWriterOf(meta: k8s.V1ObjectMeta, field: string): { at: string; manager: string } | undefined {
  const newest = listSpecFieldOwners(meta, field).find((o) => o.at !== undefined);
  return newest?.at === undefined ? undefined : { at: newest.at, manager: newest.manager };
}

/** One volumeClaimTemplate: the size and class it gives the claims it creates. */
function mapClaimTemplate(t: k8s.V1PersistentVolumeClaim): ClaimTemplateEvidence {
  const storage = t.spec?.resources?.requests?.['storage'];
  const storageClass = t.spec?.storageClassName;
  return { name: t.metadata?.name ?? '', ...(storage !== undefined ? { storage } : {}), ...(storageClass ? { storageClass } : {}) };
}
