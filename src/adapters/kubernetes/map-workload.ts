// V1Deployment / V1StatefulSet → WorkloadEvidence.
import type * as k8s from '@kubernetes/client-node';
import type { WorkloadEvidence } from '../../domain/triage/evidence.js';
import { describeExpressions } from './label-selector.js';
import { mapContainerSpec } from './map-container.js';
import { copyMap, toIsoTime, mapConditions } from './map-common.js';

export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export type Workload =
  | { kind: 'Deployment'; obj: k8s.V1Deployment }
  | { kind: 'StatefulSet'; obj: k8s.V1StatefulSet };

/** A revision annotation as a number; undefined unless it is a plain non-negative integer. */
export function parseRevision(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * `currentRevision` for a StatefulSet comes from its ControllerRevisions (status.updateRevision
 * names one), so the caller passes it in once those are read.
 */
export function mapWorkload(w: Workload, statefulSetRevision?: number): WorkloadEvidence {
  const { obj } = w;
  const meta = obj.metadata ?? {};
  const spec = obj.spec;
  const status = obj.status;
  const out: WorkloadEvidence = {
    kind: w.kind,
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    // The API server defaults spec.replicas to 1; absent only on a hand-built object.
    specReplicas: spec?.replicas ?? 1,
    replicas: status?.replicas ?? 0,
    readyReplicas: status?.readyReplicas ?? 0,
    availableReplicas: status?.availableReplicas ?? 0,
    updatedReplicas: status?.updatedReplicas ?? 0,
    selector: copyMap(spec?.selector.matchLabels),
    templateLabels: copyMap(spec?.template.metadata?.labels),
    templateContainers: (spec?.template.spec?.containers ?? []).map(mapContainerSpec),
    conditions: mapConditions(status?.conditions),
  };
  const expressions = describeExpressions(spec?.selector);
  if (expressions.length > 0) out.selectorExpressions = expressions;
  const revision =
    w.kind === 'Deployment' ? parseRevision(meta.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]) : statefulSetRevision;
  if (revision !== undefined) out.currentRevision = revision;
  const createdAt = toIsoTime(meta.creationTimestamp);
  if (createdAt !== undefined) out.createdAt = createdAt;
  return out;
}
