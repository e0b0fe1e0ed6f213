// V1PersistentVolumeClaim → PvcEvidence, with the workload's pods that mount it.
import type * as k8s from '@kubernetes/client-node';
import type { PvcEvidence } from '../../domain/triage/evidence.js';
import { findClaimApplier } from '../../domain/triage/claim-applier.js';
import { mapConditions, toIsoTime } from './map-common.js';

const PHASES = new Set<PvcEvidence['phase']>(['Pending', 'Bound', 'Lost']);

export function mapPvc(c: k8s.V1PersistentVolumeClaim, usedByPods: string[]): PvcEvidence {
  const phase = c.status?.phase as PvcEvidence['phase'] | undefined;
  const out: PvcEvidence = {
    name: c.metadata?.name ?? '',
    // A claim is Pending until bound; the API sets it on create.
    phase: phase !== undefined && PHASES.has(phase) ? phase : 'Pending',
    accessModes: [...(c.spec?.accessModes ?? [])],
    usedByPods: [...usedByPods].sort(),
  };
  if (c.metadata?.uid) out.uid = c.metadata.uid;
  const created = toIsoTime(c.metadata?.creationTimestamp);
  if (created !== undefined) out.createdAt = created;
  const deleted = toIsoTime(c.metadata?.deletionTimestamp);
  if (deleted !== undefined) out.deletionTimestamp = deleted;
  if ((c.metadata?.finalizers ?? []).length > 0) out.finalizers = [...(c.metadata?.finalizers ?? [])];
  if (c.spec?.storageClassName !== undefined && c.spec.storageClassName !== '') out.storageClass = c.spec.storageClassName;
  if (c.spec?.volumeName !== undefined && c.spec.volumeName !== '') out.volumeName = c.spec.volumeName;
  const requested = c.spec?.resources?.requests?.['storage'];
  if (requested !== undefined) out.requested = requested;
  // An expansion raises the request first; the capacity follows only once the volume has grown.
  const capacity = c.status?.capacity?.['storage'];
  if (capacity !== undefined) out.capacity = capacity;
  if ((c.status?.conditions ?? []).length > 0) out.conditions = mapConditions(c.status?.conditions);
  // dataSourceRef supersedes dataSource (it may name another namespace's object); the API mirrors them when both are set.
  const source = c.spec?.dataSourceRef ?? c.spec?.dataSource;
  const applier = findClaimApplier(c.metadata?.annotations, c.metadata?.labels);
  if (applier !== undefined) out.appliedBy = applier;
  if (source?.kind !== undefined && source.name !== undefined) out.dataSource = { kind: source.kind, name: source.name, ...(source.apiGroup ? { apiGroup: source.apiGroup } : {}) };
  return out;
}

/**
 * Claim name → pods mounting it, from the pods' volumes: `persistentVolumeClaim` volumes and
 * generic ephemeral volumes (whose claim the controller names `<pod>-<volume>`).
 */
export function claimsOfPods(pods: Iterable<k8s.V1Pod>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of pods) {
    const pod = p.metadata?.name ?? '';
    for (const v of p.spec?.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName ?? (v.ephemeral === undefined ? undefined : `${pod}-${v.name}`);
      if (claim === undefined) continue;
      out.set(claim, [...(out.get(claim) ?? []), pod]);
    }
  }
  return out;
}

/**
 * Claims a StatefulSet's pods will mount: `<template>-<set>-<ordinal>` for each ordinal, read
 * even when the pod does not exist (a missing or Pending claim is often why it does not).
 */
export function statefulSetClaims(set: k8s.V1StatefulSet): string[] {
  const name = set.metadata?.name ?? '';
  const replicas = set.spec?.replicas ?? 1;
  const start = set.spec?.ordinals?.start ?? 0;
  const out: string[] = [];
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    for (let i = start; i < start + replicas; i++) out.push(`${t.metadata?.name ?? ''}-${name}-${i}`);
  }
  return out;
}
