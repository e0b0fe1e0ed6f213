// The namespace being deleted → evidence: when the delete was asked for, its phase, and the
// namespace controller's conditions that are True (what content and finalizers still hold it).
import type * as k8s from '@kubernetes/client-node';
import type { NamespaceDeletionEvidence } from '../../domain/triage/evidence-namespace.js';
import { mapConditions, toIsoTime } from './map-common.js';

/** undefined when the namespace is not being deleted. */
export function mapNamespaceDeletion(ns: k8s.V1Namespace): NamespaceDeletionEvidence | undefined {
  const deletedAt = toIsoTime(ns.metadata?.deletionTimestamp);
  const phase = ns.status?.phase;
  if (deletedAt === undefined && phase !== 'Terminating') return undefined;
  return {
    ...(deletedAt === undefined ? {} : { deletedAt }),
    ...(phase === undefined ? {} : { phase }),
    conditions: mapConditions(ns.status?.conditions).filter((c) => c.status === 'True'),
  };
}
