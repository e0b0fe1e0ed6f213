import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NOW, NS, baseEvidence, container, event, minutesAgo, setMember, workload } from '../scenarios/builders.js';

const SET = 'orders-mongo';
const HASH = `${SET}-6c8d7f9b5`;
const PV = 'pvc-1b54446a-1070-4f1f-a72a-6bf0030e6f12';
const DEV = '/dev/nvme2n1';
const GLOBAL = '/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/3f6c/globalmount';
const WRONG_FS = `MountVolume.MountDevice failed for volume "${PV}" : rpc error: code = Internal desc = could not format "${DEV}" and mount it at "${GLOBAL}": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t ext4 -o defaults ${DEV} ${GLOBAL}\nOutput: mount: ${GLOBAL}: wrong fs type, bad option, bad superblock on ${DEV}, missing codepage or helper program, or other error.`;
const XFS_CORRUPT = `MountVolume.MountDevice failed for volume "${PV}" : rpc error: code = Internal desc = could not format "${DEV}" and mount it at "${GLOBAL}": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t xfs -o nouuid,defaults ${DEV} ${GLOBAL}\nOutput: mount: ${GLOBAL}: mount(2) system call failed: Structure needs cleaning.`;
const FSCK = `MountVolume.MountDevice failed for volume "${PV}" : rpc error: code = Internal desc = could not format "${DEV}" and mount it at "${GLOBAL}": 'fsck' found errors on device ${DEV} but could not correct them: fsck from util-linux 2.37.4\n${DEV} contains a file system with errors, check forced.\n${DEV}: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.\n\t(i.e., without -a or -p options)`;

/** Members 0 and 1 run for weeks; member 2, made 46 min ago on NODE_A, waits in ContainerCreating on the mount of its claim. */
function stuckMember(message: string, claim: Partial<TriageEvidence['pvcs'][number]> = {}): TriageEvidence {
  const old = 30 * 24 * 60;
  const stuck = setMember(SET, HASH, 2, 46, { nodeName: NODE_A, phase: 'Pending', ready: false, containers: [container({ name: 'mongod', ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] }, { claim: true });
  const pods: PodEvidence[] = [setMember(SET, HASH, 0, old, {}, { claim: true }), setMember(SET, HASH, 1, old - 3, {}, { claim: true }), stuck];
  const base = baseEvidence({
    pods, services: [], endpointSlices: [], hpas: [], revisions: [],
    pvcs: [{ name: `data-${SET}-2`, phase: 'Bound', volumeName: PV, accessModes: ['ReadWriteOnce'], usedByPods: [stuck.name], createdAt: minutesAgo(old), ...claim }],
    events: [event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message, count: 31, firstSeen: minutesAgo(45), lastSeen: minutesAgo(1) })],
  });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3, selector: { app: SET }, conditions: [] }),
    volumes: [{ name: PV, phase: 'Bound', nodeAffinity: [], driver: 'ebs.csi.aws.com', fsType: 'ext4' }],
  };
}

const restored = { createdAt: minutesAgo(49), dataSource: { kind: 'VolumeSnapshot', name: 'legacy-mongo-data-20261120', apiGroup: 'snapshot.storage.k8s.io' } };

describe('a volume whose filesystem the node will not mount', () => {
  it('reads "wrong fs type" on a claim just restored from a snapshot as the snapshot\'s filesystem not being the type mounted, and dates the restore', () => {
    const [f] = analyzeVolumeAttach(stuckMember(WRONG_FS, restored));
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: its disk does not mount as ext4 ("wrong fs type, bad option, bad superblock"): claim data-${SET}-2 was restored 49m ago from VolumeSnapshot legacy-mongo-data-20261120, whose filesystem is not ext4`);
    expect(f?.severity).toBe('critical');
    expect(f?.datesChange).toBe(true);
    expect(f?.decisive).toBe(`mount: ${GLOBAL}: wrong fs type, bad option, bad superblock on ${DEV}, missing codepage or helper program, or other error.`);
    expect(f?.nextAction).toMatch(/^Do not format the volume/);
    expect(f?.fix).toBe('restore VolumeSnapshot legacy-mongo-data-20261120 into a volume whose StorageClass fsType is the snapshot\'s own filesystem (not ext4), without formatting it');
  });

  it('leads the verdict with the restore, not with the new-looking ordinal as a scale-up', () => {
    const r = buildTriageReport(stuckMember(WRONG_FS, restored), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/^Volume pvc-\S+ blocks 1 pod: its disk does not mount as ext4/);
    expect(r.headline).not.toMatch(/scaled up/);
  });

  it('without a restore, says the disk holds another filesystem or a damaged one, and dates nothing', () => {
    const [f] = analyzeVolumeAttach(stuckMember(WRONG_FS));
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: its disk does not mount as ext4 ("wrong fs type, bad option, bad superblock"): it holds another filesystem, or a damaged one`);
    expect(f).not.toHaveProperty('datesChange');
  });

  it('reads fsck\'s uncorrectable errors as a corrupt filesystem, dated by the reboot of the pod\'s node, and advises a manual fsck after a snapshot', () => {
    const ev = stuckMember(FSCK);
    ev.events.push(
      event({ object: { kind: 'Node', name: NODE_A }, type: 'Warning', reason: 'Rebooted', message: `Node ${NODE_A} has been rebooted, boot id: 7c0a61e2`, firstSeen: minutesAgo(47), lastSeen: minutesAgo(47) }),
      event({ object: { kind: 'Pod', name: `${SET}-2`, namespace: NS }, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${NS}/${SET}-2`, firstSeen: minutesAgo(48), lastSeen: minutesAgo(48) }),
    );
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: its filesystem is corrupt: fsck found errors it could not correct ("UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY") since node ${NODE_A} went down and rebooted 47m ago`);
    expect(f?.decisive).toBe(`${DEV}: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.`);
    expect(f?.severity).toBe('critical');
    expect(f?.fix).toBe('snapshot the volume, then repair its filesystem by hand (e2fsck -f) from a debug pod or instance');
    expect(f?.evidence).toContain(`node/${NODE_A}: Rebooted: Node ${NODE_A} has been rebooted, boot id: 7c0a61e2`);
  });

  it('reads XFS refusing the mount ("Structure needs cleaning") as corrupt metadata to repair with xfs_repair, not as fsck\'s findings', () => {
    const ev = stuckMember(XFS_CORRUPT);
    ev.volumes = [{ name: PV, phase: 'Bound', nodeAffinity: [], driver: 'ebs.csi.aws.com', fsType: 'xfs' }];
    ev.events.push(event({ object: { kind: 'Node', name: NODE_A }, type: 'Warning', reason: 'Rebooted', message: `Node ${NODE_A} has been rebooted, boot id: 7c0a61e2`, firstSeen: minutesAgo(47), lastSeen: minutesAgo(47) }));
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: its XFS filesystem is corrupt: the kernel refuses to mount it ("Structure needs cleaning") since node ${NODE_A} went down and rebooted 47m ago`);
    expect(f?.fix).toBe('snapshot the volume, then repair its filesystem by hand (xfs_repair) from a debug pod or instance');
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/e2fsck|fsck found/);
    expect(f?.nextAction).toMatch(/xfs_repair -L/);
  });
});
