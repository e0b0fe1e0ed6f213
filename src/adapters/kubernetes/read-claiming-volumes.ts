// The PersistentVolumes whose claimRef names a Pending claim that waits for a static volume (no
// StorageClass, no volume named): one bounded list of the cluster's volumes, read only when such a
// claim exists, kept to those that name it (a Released volume still holding a deleted claim's uid).
import type { PersistentVolumeEvidence, PvcEvidence } from '../../domain/triage/evidence.js';
import { pickStaticClaimsWaiting } from '../../domain/triage/static-claims.js';
import type { CollectContext } from './collect-context.js';
import { mapPersistentVolume } from './map-context.js';
import { pageParams } from './paginate.js';

/** Volumes listed at most: a cluster's static volumes, not a storage farm's. */
const MAX_VOLUMES = 500;

export async function readVolumesClaiming(ctx: CollectContext, pvcs: readonly PvcEvidence[]): Promise<PersistentVolumeEvidence[]> {
  const waiting = new Set(pickStaticClaimsWaiting(pvcs).map((c) => `${ctx.namespace}/${c.name}`));
  if (waiting.size === 0) return [];
  const { core } = ctx.clients;
  const list = await ctx.reads.list('PersistentVolumes (a claim waits for a static volume)', 'volumes', (cont, limit, o) =>
    core.listPersistentVolume({ ...pageParams(cont, limit) }, o),
    { maxItems: MAX_VOLUMES },
  );
  return list.items.map(mapPersistentVolume).filter((v) => v.claim !== undefined && waiting.has(v.claim));
}
