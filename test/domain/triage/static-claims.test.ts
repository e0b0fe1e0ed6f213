// A claim with no StorageClass and no volume named waits for a static volume; the one meant for it is
// Released and still holds the claimRef (old uid) of a deleted claim of the same name.
import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../src/domain/triage/analyzers/pvc-pending.js';
import type { PersistentVolumeEvidence, PvcEvidence } from '../../../src/domain/triage/evidence.js';
import { pickStaticClaimsWaiting } from '../../../src/domain/triage/static-claims.js';
import { NS, event, minutesAgo } from './scenarios/builders.js';
import { pvcPendingScenario } from './scenarios/storage.js';

const claim = 'state-quorum-1';
const waiting: PvcEvidence = { name: claim, uid: '9d1e-new', phase: 'Pending', accessModes: ['ReadWriteOnce'], requested: '50Gi', usedByPods: ['quorum-1'] };
const released = (over: Partial<PersistentVolumeEvidence> = {}): PersistentVolumeEvidence => ({ name: 'quorum-disk-b', phase: 'Released', claim: `${NS}/${claim}`, claimUid: '4a7c-old', reclaimPolicy: 'Retain', nodeAffinity: [], driver: 'pd.csi.storage.gke.io', ...over });

function scenario(volumes: PersistentVolumeEvidence[]) {
  const ev = pvcPendingScenario();
  ev.pvcs = [waiting];
  ev.volumes = volumes;
  ev.events = [event({ object: { kind: 'PersistentVolumeClaim', name: claim, namespace: NS }, type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', count: 40, firstSeen: minutesAgo(30), lastSeen: minutesAgo(0.5), source: 'persistentvolume-controller' })];
  return ev;
}

describe('a claim waiting for a static volume that a deleted claim still holds', () => {
  it('is worth reading the volumes only for a Pending claim with no StorageClass and no volume named', () => {
    expect(pickStaticClaimsWaiting([waiting]).map((c) => c.name)).toEqual([claim]);
    expect(pickStaticClaimsWaiting([{ ...waiting, storageClass: 'standard-rwo' }, { ...waiting, volumeName: 'x' }, { ...waiting, phase: 'Bound' }])).toEqual([]);
  });

  it('names the Released volume and its stale claimRef instead of asking for a StorageClass', () => {
    const [f] = analyzePvcPending(scenario([released()]));
    expect(f?.title).toBe(`PVC ${claim} Pending: its volume quorum-disk-b is Released (reclaimPolicy Retain), its claimRef still naming the deleted claim of the same name`);
    expect(f?.likelyCause).toContain('uid 4a7c-old');
    expect(f?.fix).toContain('remove the stale claimRef from volume quorum-disk-b');
    expect(`${f?.title} ${f?.nextAction}`).not.toMatch(/storageClassName|StorageClass/);
  });

  it('keeps the usual reading when no volume names the claim, or the one that does is this claim\'s', () => {
    expect(analyzePvcPending(scenario([]))[0]?.title).toBe(`PVC ${claim} Pending: no StorageClass and no matching PersistentVolume`);
    expect(analyzePvcPending(scenario([released({ claimUid: '9d1e-new' })]))[0]?.title).toBe(`PVC ${claim} Pending: no StorageClass and no matching PersistentVolume`);
    expect(analyzePvcPending(scenario([released({ claim: `${NS}/other-claim` })]))[0]?.title).toBe(`PVC ${claim} Pending: no StorageClass and no matching PersistentVolume`);
  });
});
