import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../../src/domain/triage/analyzers/pvc-pending.js';
import { findCloudDenial } from '../../../../src/domain/triage/cloud-denial.js';
import { NS, event, minutesAgo } from '../scenarios/builders.js';
import { pvcPendingScenario } from '../scenarios/storage.js';

const CLAIM = 'data-ledger-0';
const AWS = 'failed to provision volume with StorageClass "io2": rpc error: code = Internal desc = Could not create volume "pvc-1f2e": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 403, RequestID: 1a2b, api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::210987654321:assumed-role/storage-driver-role/1700000000 is not authorized to perform: ec2:CreateVolume on resource: arn:aws:ec2:us-east-2:210987654321:volume/* because no identity-based policy allows the ec2:CreateVolume action. Encoded authorization failure message: abc…';
const GCP = 'failed to provision volume with StorageClass "standard-rwo": rpc error: code = Internal desc = CreateVolume failed to create single zonal disk pvc-9a: failed to insert zonal disk: unknown Insert disk operation error: rpc error: code = PermissionDenied desc = googleapi: Error 403: Required \'compute.disks.create\' permission for \'projects/acme/zones/us-central1-a/disks/pvc-9a\', forbidden';

function refused(message: string) {
  const ev = pvcPendingScenario();
  ev.pvcs = [{ name: CLAIM, phase: 'Pending', storageClass: 'io2', accessModes: ['ReadWriteOnce'], requested: '200Gi', usedByPods: ['ledger-0'] }];
  ev.events = [
    event({ object: { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: NS }, type: 'Normal', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", count: 80, firstSeen: minutesAgo(20), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' }),
    event({ object: { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: NS }, reason: 'ProvisioningFailed', message, count: 9, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1), source: 'ebs.csi.aws.com_ebs-csi-controller-5d9f_0c1d' }),
  ];
  return ev;
}

describe('a claim whose provisioner the cloud refuses', () => {
  it('reads the refusal, the action refused and the identity from AWS and GCP messages', () => {
    expect(findCloudDenial(AWS)).toEqual({ code: 'UnauthorizedOperation', action: 'ec2:CreateVolume', principal: 'storage-driver-role' });
    expect(findCloudDenial(GCP)).toEqual({ code: 'PermissionDenied', action: 'compute.disks.create' });
    expect(findCloudDenial('failed to provision volume: rpc error: code = ResourceExhausted desc = quota exceeded')).toBeUndefined();
  });

  it('names the refusal as the mechanism, not a provisioner that does not act', () => {
    const [f] = analyzePvcPending(refused(AWS));
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: the cloud refuses provisioner ebs.csi.aws.com (UnauthorizedOperation: ec2:CreateVolume not allowed for role storage-driver-role)`);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/not capacity, zone or quota/i);
    expect(f?.nextAction).toMatch(/^Restore ec2:CreateVolume on role storage-driver-role/);
    expect(f?.decisive).toMatch(/UnauthorizedOperation: You are not authorized to perform this operation/);
  });

  it('keeps a quota refusal a quota problem', () => {
    const [f] = analyzePvcPending(refused('failed to provision volume with StorageClass "io2": rpc error: code = ResourceExhausted desc = VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit'));
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: the storage backend refuses: capacity or quota exhausted`);
  });
});
