import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../../src/domain/triage/analyzers/pvc-pending.js';
import { NS, event, minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { multiAttachScenario, pvcPendingScenario } from '../scenarios/storage.js';

const LEDGER = 'ledger';

describe('analyzePvcPending', () => {
  it('reports a Pending claim with the missing StorageClass and the collapsed events', () => {
    const [f] = analyzePvcPending(pvcPendingScenario());
    expect(f?.title).toBe('PVC data-ledger-0 Pending: StorageClass fast-ssd does not exist');
    expect(f?.layer).toBe('storage');
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('ProvisioningFailed ×38 over 8m: storageclass.storage.k8s.io "fast-ssd" not found');
    expect(f?.affected?.pods).toEqual(['ledger-0']);
  });

  it('does not blame a claim that waits for its first consumer', () => {
    const ev = pvcPendingScenario();
    ev.events = [event({ object: { kind: 'PersistentVolumeClaim', name: 'data-ledger-0', namespace: NS }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstSeen: minutesAgo(9), lastSeen: minutesAgo(1) })];
    expect(analyzePvcPending(ev)).toEqual([]);
  });

  it('reports a claim whose external provisioner was asked long ago and never created the volume, naming the provisioner', () => {
    const ev = pvcPendingScenario();
    const pvc = { object: { kind: 'PersistentVolumeClaim', name: 'data-ledger-0', namespace: NS }, type: 'Normal' as const };
    const waiting = (firstAgo: number) => [
      event({ ...pvc, reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstSeen: minutesAgo(20), lastSeen: minutesAgo(20) }),
      event({ ...pvc, reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", count: 80, firstSeen: minutesAgo(firstAgo), lastSeen: minutesAgo(0.1) }),
    ];
    ev.events = waiting(19.9);
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe('PVC data-ledger-0 Pending: the external provisioner ebs.csi.aws.com does not create the volume');
    // A provisioner still within its first minutes is not a finding yet.
    ev.events = waiting(1);
    expect(analyzePvcPending(ev)).toEqual([]);
  });

  it('reports a Lost claim as critical', () => {
    const ev = multiAttachScenario();
    ev.pvcs = ev.pvcs.map((p) => ({ ...p, phase: 'Lost' as const }));
    expect(analyzePvcPending(ev)[0]?.title).toBe('PVC data-ledger-0 is Lost: its PersistentVolume pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e is gone');
  });

  it('names a Released Retain volume whose claimRef still holds the deleted claim of the same name, and how to free it', () => {
    const ev = pvcPendingScenario();
    const claim = `data-${LEDGER}-0`;
    ev.pvcs = [{ name: claim, uid: '48532a5c-new', phase: 'Pending', storageClass: 'efs-static', volumeName: 'ledger-archive', accessModes: ['ReadWriteMany'], requested: '5Ti', usedByPods: [`${LEDGER}-0`] }];
    ev.volumes = [{ name: 'ledger-archive', phase: 'Released', claim: `${NS}/${claim}`, claimUid: 'c37757d8-old', reclaimPolicy: 'Retain', storageClass: 'efs-static', nodeAffinity: [], driver: 'efs.csi.aws.com' }];
    ev.events = [event({ object: { kind: 'PersistentVolumeClaim', name: claim, namespace: NS }, reason: 'FailedBinding', message: 'volume "ledger-archive" already bound to a different claim.', count: 131, firstSeen: minutesAgo(33), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' })];
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe(`PVC ${claim} Pending: its volume ledger-archive is Released (reclaimPolicy Retain), its claimRef still naming the deleted claim of the same name`);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain(`${NS}/${claim} (uid c37757d8-old) (this claim's uid is 48532a5c-new)`);
    expect(f?.nextAction).toContain(`kubectl patch pv ledger-archive --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`);
    expect(f?.fix).toContain('remove the stale claimRef from volume ledger-archive');
    expect(f?.confirmCommands.some((c) => c.startsWith('kubectl get pv ledger-archive -o yaml'))).toBe(true);
  });

  it('says a volume asked for by name belongs to another live claim, and with the volume unread only what the binder said', () => {
    const ev = pvcPendingScenario();
    const claim = `data-${LEDGER}-0`;
    ev.pvcs = [{ name: claim, phase: 'Pending', storageClass: 'gp3', volumeName: 'pv-ledger', accessModes: ['ReadWriteOnce'], usedByPods: [`${LEDGER}-0`] }];
    ev.events = [event({ object: { kind: 'PersistentVolumeClaim', name: claim, namespace: NS }, reason: 'FailedBinding', message: 'volume "pv-ledger" already bound to a different claim.', firstSeen: minutesAgo(9), lastSeen: minutesAgo(1), source: 'persistentvolume-controller' })];
    ev.volumes = [{ name: 'pv-ledger', phase: 'Bound', claim: `${NS}/data-ledger-old-0`, nodeAffinity: [] }];
    expect(analyzePvcPending(ev)[0]?.title).toBe(`PVC ${claim} Pending: its volume pv-ledger is bound to another claim, ${NS}/data-ledger-old-0`);
    ev.volumes = [];
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe(`PVC ${claim} Pending: volume pv-ledger is already bound to a different claim`);
    expect(f?.confidence).toBe('medium');
    expect(f?.title).not.toMatch(/Released|Retain/);
  });

  it('stays silent on Bound claims and healthy workloads', () => {
    expect(analyzePvcPending(multiAttachScenario())).toEqual([]);
    expect(analyzePvcPending(healthyScenario())).toEqual([]);
  });
});
