/**
 * A claim that names no StorageClass and no volume can only bind a pre-provisioned (static)
 * PersistentVolume. While it waits, the volume meant for it may be Released and still hold the
 * claimRef of a deleted claim of the same name (a StatefulSet or chart deleted and re-created):
 * the binder gives that volume to nobody. Only the volumes' own claimRefs tell, so they are read.
 */
import type { PersistentVolumeEvidence, PvcEvidence } from './evidence.js';

/** Pending claims that wait for a static volume: no StorageClass, no volume named. */
export function pickStaticClaimsWaiting(pvcs: readonly PvcEvidence[]): PvcEvidence[] {
  return pvcs.filter((c) => c.phase === 'Pending' && c.volumeName === undefined && (c.storageClass === undefined || c.storageClass === ''));
}

/** A Released volume whose claimRef names this claim (namespace/name) but not its uid: a deleted claim's volume. */
export function findReleasedVolumeOf(volumes: readonly PersistentVolumeEvidence[] | undefined, namespace: string, pvc: PvcEvidence): PersistentVolumeEvidence | undefined {
  return (volumes ?? []).find((v) => v.phase === 'Released' && v.claim === `${namespace}/${pvc.name}` && (v.claimUid === undefined || v.claimUid !== pvc.uid));
}
