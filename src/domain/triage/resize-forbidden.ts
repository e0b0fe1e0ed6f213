/**
 * An expansion of a claim the API server refuses outright. Its admission (PersistentVolumeClaimResize)
 * lets a claim grow only when its StorageClass sets allowVolumeExpansion: true; otherwise the update
 * is rejected, the claim keeps its size and no VolumeResizeFailed ever lands on it. The refusal is
 * seen only by whoever applied the change: the GitOps object's events (an Argo CD Application's
 * sync failed), a Warning of the namespace, a controller's log.
 */
import type { EventEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import { latest } from './time-span.js';

/** The admission plugin's words (kubernetes plugin/pkg/admission/storage/persistentvolume/resize). */
const CLASS_REFUSES = /only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize/i;

export interface ForbiddenResize {
  /** The event that quotes the refusal, newest first. */
  refusal: EventEvidence;
  /** The refusal in the API server's words. */
  reason: string;
}

function namesClaim(message: string, claim: string): boolean {
  const escaped = claim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w.-])`).test(message);
}

/** The newest refusal of an expansion of `claim` because its class does not allow one, in what was read. */
export function findForbiddenResize(ev: Pick<TriageEvidence, 'events' | 'namespaceWarnings' | 'claimApplierEvents'>, claim: PvcEvidence): ForbiddenResize | undefined {
  const seen = [...(ev.claimApplierEvents ?? []), ...(ev.namespaceWarnings ?? []), ...ev.events];
  const refusals = seen.filter((e) => CLASS_REFUSES.test(e.message) && namesClaim(e.message, claim.name));
  const newest = refusals.find((e) => e.lastSeen === latest(refusals.map((x) => x.lastSeen)));
  if (newest === undefined) return undefined;
  return { refusal: newest, reason: CLASS_REFUSES.exec(newest.message)?.[0] ?? newest.message };
}
