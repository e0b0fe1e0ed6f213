// A claim that asks an access mode its StorageClass's driver does not give (ReadWriteMany on block
// storage): the provisioner refuses it on every attempt, so the refusal is the mechanism, and the
// provisioner — which answered — is never said to be missing.
import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../../src/domain/triage/analyzers/pvc-pending.js';
import { NS, event, minutesAgo } from '../scenarios/builders.js';
import { pvcPendingScenario } from '../scenarios/storage.js';

const CLAIM = 'render-cache';
const DRIVER = 'ebs.csi.aws.com';
const EBS = 'failed to provision volume with StorageClass "gp3": rpc error: code = InvalidArgument desc = Volume capabilities MULTI_NODE_MULTI_WRITER not supported. Only AccessModes[ReadWriteOnce] supported.';
const IN_TREE = 'failed to provision volume with StorageClass "gp3": invalid AccessModes [ReadWriteMany]: only AccessModes [ReadWriteOnce] are supported';
const PLAIN = 'failed to provision volume with StorageClass "gp3": rpc error: code = InvalidArgument desc = access mode ReadWriteMany is not supported';

function refused(message: string, accessModes = ['ReadWriteMany']) {
  const ev = pvcPendingScenario();
  ev.pvcs = [{ name: CLAIM, phase: 'Pending', storageClass: 'gp3', accessModes, requested: '20Gi', usedByPods: ['render-6f7c9-abcde', 'render-6f7c9-fghij'] }];
  const on = { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: NS };
  ev.events = [
    event({ object: on, type: 'Normal', reason: 'ExternalProvisioning', message: `Waiting for a volume to be created either by the external provisioner '${DRIVER}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, count: 90, firstSeen: minutesAgo(25), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' }),
    event({ object: on, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${NS}/${CLAIM}"`, count: 12, firstSeen: minutesAgo(25), lastSeen: minutesAgo(1), source: `${DRIVER}_ebs-csi-controller-7b9d_3f1a` }),
    event({ object: on, reason: 'ProvisioningFailed', message, count: 12, firstSeen: minutesAgo(25), lastSeen: minutesAgo(1), source: `${DRIVER}_ebs-csi-controller-7b9d_3f1a` }),
  ];
  // The controller was looked for and not found where drivers usually run: the refusal still proves it runs.
  ev.provisionerController = { driver: DRIVER, searched: ['kube-system'], complete: true, waitingSince: minutesAgo(25) };
  return ev;
}

describe('a claim whose access mode the provisioner refuses', () => {
  it('names the mode asked, the class and its driver, not a missing provisioner', () => {
    const [f] = analyzePvcPending(refused(EBS));
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: it asks ReadWriteMany on StorageClass gp3, whose driver ${DRIVER} supports only ReadWriteOnce`);
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe('Volume capabilities MULTI_NODE_MULTI_WRITER not supported. Only AccessModes[ReadWriteOnce] supported.');
    expect(f?.fix).toMatch(/StorageClass whose driver supports ReadWriteMany \(a shared file system: EFS, NFS, Filestore, Azure Files\), or give each pod its own ReadWriteOnce volume \(volumeClaimTemplates\) or an emptyDir/);
    expect(f?.likelyCause).toMatch(/provisioner runs/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/no Deployment or StatefulSet|does not create the volume|quota exhausted/);
  });

  it('reads the in-tree and plain wordings of the same refusal', () => {
    expect(analyzePvcPending(refused(IN_TREE))[0]?.title).toBe(`PVC ${CLAIM} Pending: it asks ReadWriteMany on StorageClass gp3, whose driver ${DRIVER} supports only ReadWriteOnce`);
    expect(analyzePvcPending(refused(PLAIN))[0]?.title).toBe(`PVC ${CLAIM} Pending: it asks ReadWriteMany on StorageClass gp3, whose driver ${DRIVER} does not support ReadWriteMany`);
  });

  it('takes the mode from the refusal when the claim spec was not read', () => {
    expect(analyzePvcPending(refused(EBS, []))[0]?.title).toMatch(/it asks ReadWriteMany on StorageClass gp3/);
  });

  it('leaves refusals of something other than the access mode alone', () => {
    const [f] = analyzePvcPending(refused('failed to provision volume with StorageClass "gp3": rpc error: code = InvalidArgument desc = invalid parameter "iopsPerGB": not supported for type gp3'));
    expect(f?.title).not.toMatch(/asks ReadWriteMany/);
  });
});

describe('a claim the provisioner answered with another error', () => {
  const EC2 = 'failed to provision volume with StorageClass "gp3": rpc error: code = Internal desc = Could not create volume "pvc-5c1d": could not create volume in EC2: operation error EC2: CreateVolume, api error InvalidParameterValue: The parameter iops is not supported for gp2 volumes.';

  it('never says the provisioner is missing or silent: it names the provisioner\'s error', () => {
    const [f] = analyzePvcPending(refused(EC2, ['ReadWriteOnce']));
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: provisioner ${DRIVER} fails on every attempt (×12)`);
    expect(f?.decisive).toMatch(/^Could not create volume "pvc-5c1d": .*InvalidParameterValue: The parameter iops is not supported for gp2 volumes\.$/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/no Deployment or StatefulSet|does not create the volume|controller .*(down|scaled)/);
  });
});
