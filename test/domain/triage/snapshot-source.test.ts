// A claim restored from a VolumeSnapshot (spec.dataSourceRef) stays Pending while that snapshot is
// not ready: the external provisioner says so on the claim, and the driver's snapshotter sidecar
// logs why the snapshot is not taken (the cloud's refusal of CreateSnapshot). The finding names the
// snapshot, quotes the refusal when it was read, and advises to look at the snapshot, not the driver.
import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../src/domain/triage/analyzers/pvc-pending.js';
import type { ControllerCandidate } from '../../../src/domain/triage/evidence-provisioner.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findSnapshotRefusal, findSnapshotterContainer, pickUnreadySnapshotSource } from '../../../src/domain/triage/snapshot-source.js';
import { NS, event, minutesAgo } from './scenarios/builders.js';
import { pvcPendingScenario } from './scenarios/storage.js';

const DRIVER = 'ebs.csi.aws.com';
const CLAIM = 'data-ledger-0';
const SNAPSHOT = 'nightly-seed';
const on = { object: { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: NS } };
const NOT_READY = `failed to provision volume with StorageClass "gp3": error getting handle for DataSource Type VolumeSnapshot by Name ${SNAPSHOT}: snapshot ${SNAPSHOT} is not Ready`;
const REFUSAL = 'E1121 03:11:00.000000       1 snapshot_controller.go:124] createSnapshot for content [snapcontent-1f2e]: error occurred in createSnapshotWrapper: failed to take snapshot of the volume vol-0abc: "rpc error: code = Internal desc = Could not create snapshot \\"snapshot-1f2e\\": error creating snapshot of volume vol-0abc: operation error EC2: CreateSnapshot, https response error StatusCode: 400, RequestID: 3e8c, api error SnapshotLimitExceeded: The maximum number of snapshots has been reached."';

function restoring(): TriageEvidence {
  const ev = pvcPendingScenario();
  ev.pvcs = [{ name: CLAIM, phase: 'Pending', storageClass: 'gp3', accessModes: ['ReadWriteOnce'], requested: '200Gi', usedByPods: ['ledger-0'], dataSource: { kind: 'VolumeSnapshot', name: SNAPSHOT, apiGroup: 'snapshot.storage.k8s.io' } }];
  ev.events = [
    event({ ...on, type: 'Normal', reason: 'ExternalProvisioning', message: `Waiting for a volume to be created either by the external provisioner '${DRIVER}' or manually by the system administrator.`, count: 100, firstSeen: minutesAgo(26), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' }),
    event({ ...on, reason: 'ProvisioningFailed', message: NOT_READY, count: 13, firstSeen: minutesAgo(26), lastSeen: minutesAgo(1.4), source: `${DRIVER}_ebs-csi-controller-7d9f_5c0e` }),
  ];
  return ev;
}

function csiController(over: Partial<ControllerCandidate> = {}): ControllerCandidate & { matchedBy: string } {
  return {
    kind: 'Deployment', namespace: 'kube-system', name: 'ebs-csi-controller', replicas: 1, readyReplicas: 1, matchedBy: 'named after ebs',
    containers: [
      { name: 'ebs-plugin', image: 'example/aws-ebs-csi-driver:v1.37.0', args: ['controller'] },
      { name: 'csi-provisioner', image: 'example/csi-provisioner:v5.1.0', args: [] },
      { name: 'csi-snapshotter', image: 'example/csi-snapshotter:v8.1.0', args: [] },
    ],
    ...over,
  };
}

describe('pickUnreadySnapshotSource', () => {
  it('names the snapshot a Pending claim restores from when the provisioner says it is not ready', () => {
    const ev = restoring();
    expect(pickUnreadySnapshotSource(ev.pvcs, ev.events)).toMatchObject({ claim: CLAIM, snapshot: SNAPSHOT, state: 'not ready' });
  });

  it('names nothing for a claim with no snapshot source, or a bound one', () => {
    const ev = restoring();
    expect(pickUnreadySnapshotSource([{ ...ev.pvcs[0]!, phase: 'Bound' }], ev.events)).toBeUndefined();
    const { dataSource: _, ...plain } = ev.pvcs[0]!;
    expect(pickUnreadySnapshotSource([plain], ev.events.filter((e) => e.reason !== 'ProvisioningFailed'))).toBeUndefined();
  });

  it('tells a snapshot that does not exist from one not ready', () => {
    const ev = restoring();
    const gone = `failed to provision volume with StorageClass "gp3": error getting handle for DataSource Type VolumeSnapshot by Name ${SNAPSHOT}: error getting snapshot ${SNAPSHOT} from api server: volumesnapshots.snapshot.storage.k8s.io "${SNAPSHOT}" not found`;
    expect(pickUnreadySnapshotSource(ev.pvcs, [event({ ...on, reason: 'ProvisioningFailed', message: gone })])?.state).toBe('not found');
  });
});

describe('findSnapshotterContainer and findSnapshotRefusal', () => {
  it('finds the csi-snapshotter sidecar of the driver controller, and none where the driver takes no snapshots', () => {
    expect(findSnapshotterContainer(csiController())).toBe('csi-snapshotter');
    expect(findSnapshotterContainer(csiController({ containers: [{ name: 'csi-provisioner', image: 'example/csi-provisioner:v5', args: [] }] }))).toBeUndefined();
  });

  it("reads the cloud's own code and words from the snapshotter's error lines", () => {
    const r = findSnapshotRefusal([{ pod: 'ebs-csi-controller-7d9f', container: 'csi-snapshotter', previous: false, lines: ['I1121 03:10:00 leader election', REFUSAL, REFUSAL] }]);
    expect(r).toMatchObject({ code: 'SnapshotLimitExceeded', message: 'The maximum number of snapshots has been reached.', count: 2, quota: true });
    expect(findSnapshotRefusal([{ pod: 'p', container: 'csi-snapshotter', previous: false, lines: ['I1121 03:10:00 started'] }])).toBeUndefined();
  });
});

describe('analyzePvcPending for a claim restored from a snapshot that is not ready', () => {
  it('names the snapshot and quotes why it is not taken when the snapshotter log was read', () => {
    const ev = restoring();
    ev.provisionerController = { driver: DRIVER, searched: ['kube-system'], complete: true, waitingSince: minutesAgo(26), controller: csiController() };
    ev.snapshotterLog = { controller: 'Deployment kube-system/ebs-csi-controller', namespace: 'kube-system', snapshot: SNAPSHOT, logs: [{ pod: 'ebs-csi-controller-7d9f', container: 'csi-snapshotter', previous: false, lines: [REFUSAL] }] };
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: it restores from VolumeSnapshot ${SNAPSHOT}, which is not ready: the cloud refuses to take it (SnapshotLimitExceeded)`);
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe('The maximum number of snapshots has been reached.');
    expect(f?.evidence.some((e) => e.includes(`snapshot ${SNAPSHOT} is not Ready`))).toBe(true);
    expect(f?.evidence.some((e) => e.startsWith('snapshotter log of Deployment kube-system/ebs-csi-controller (csi-snapshotter, ×1):') && e.includes('SnapshotLimitExceeded'))).toBe(true);
    expect(f?.likelyCause).toMatch(/quota/);
    expect(f?.nextAction).toContain(`get volumesnapshot ${SNAPSHOT} -o yaml -n ${NS}`);
    expect(f?.nextAction).toMatch(/free snapshot quota/i);
    expect(f?.fix).toBe(`free snapshot quota, then re-create VolumeSnapshot ${SNAPSHOT}`);
    expect(f?.confirmCommands.some((c) => c.includes(`get volumesnapshot ${SNAPSHOT} -o yaml -n ${NS}`))).toBe(true);
  });

  it('names the snapshot with medium confidence in why, when its snapshotter log was not read', () => {
    const ev = restoring();
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe(`PVC ${CLAIM} Pending: it restores from VolumeSnapshot ${SNAPSHOT}, which is not ready`);
    expect(f?.decisive).toContain(`snapshot ${SNAPSHOT} is not Ready`);
    expect(f?.likelyCause).toMatch(/not read/);
    expect(f?.nextAction).toContain(`get volumesnapshot ${SNAPSHOT} -o yaml -n ${NS}`);
    expect(f?.nextAction).not.toMatch(/quota/);
  });
});
