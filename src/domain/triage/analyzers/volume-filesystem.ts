import type { EventEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { resolveVolume } from '../volume-server.js';
import { findNodeDown } from '../node-reboot.js';
import type { MountReading } from './mount-reading.js';

export type FilesystemFault = MountReading & { fix: string };

function lineOf(messages: string, re: RegExp): string | undefined {
  return messages.split('\n').map((l) => l.trim()).find((l) => re.test(l));
}

/** fsck (run by the CSI node plugin before it mounts) found damage it will not repair unattended; the kernel's EUCLEAN. */
const FSCK_FAILED = /could not correct|UNEXPECTED INCONSISTENCY|RUN fsck MANUALLY|contains a file system with errors|structure needs cleaning/i;
/** mount(8) refusing the disk as the type it was asked for. */
const WRONG_TYPE = /wrong fs type|bad superblock/i;
/** "Mounting arguments: -t ext4 -o defaults /dev/nvme2n1 …". */
const MOUNT_TYPE = /Mounting arguments:[^\n]*?-t (\w+)/;

/**
 * A disk the node cannot mount for its filesystem, told for what the kernel and fsck said: fsck
 * found damage it will not repair unattended (after a node crashed with the disk attached), or
 * mount refuses the disk as the type asked (a disk restored from a snapshot of another
 * filesystem: the CSI plugin formats only an empty disk, and mounts a restored one as the
 * volume's fsType). Both hold until someone acts on the disk; retrying or moving the pod does not.
 */
export function describeFilesystemFault(ev: TriageEvidence, pods: readonly PodEvidence[], volumeName: string | undefined, events: readonly EventEvidence[]): FilesystemFault | undefined {
  const messages = events.map((e) => e.message).join('\n');
  const firstFailure = events.map((e) => e.firstSeen).sort()[0] ?? ev.collectedAt;
  const now = ev.collectedAt;
  const { claim, pv } = volumeName === undefined ? {} : resolveVolume(ev, pods, volumeName);
  const pvc = claim === undefined ? undefined : ev.pvcs.find((c) => c.name === claim);
  const confirm = pods[0]?.nodeName ? [formatKubectl(ev.target, `debug node/${pods[0].nodeName} -it --image=busybox -- blkid`, 'cluster')] : [];
  const fsck = FSCK_FAILED.exec(messages);
  if (fsck) {
    const down = findNodeDown(ev, pods, firstFailure);
    const said = /UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY/i.test(messages) ? 'UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY' : fsck[0];
    const crash = down ? ` since node ${down.object.name} went down${down.reason === 'Rebooted' ? ' and rebooted' : ''} ${formatAgo(down.firstSeen, now)}` : '';
    const since = down ? `: node ${down.object.name} went down ${formatAgo(down.firstSeen, now)} with the volume attached` : '';
    // XFS has no fsck pass at mount (fsck.xfs does nothing): the kernel itself refuses corrupt metadata
    // (EUCLEAN), and only xfs_repair mends it — advising e2fsck there sends the on-call to the wrong tool.
    if ((MOUNT_TYPE.exec(messages)?.[1] ?? pv?.fsType)?.toLowerCase() === 'xfs') {
      return {
        title: `its XFS filesystem is corrupt: the kernel refuses to mount it ("${said}")${crash}`,
        cause: `The kernel found the XFS metadata inconsistent when it mounted the disk (typical after an unclean shutdown${since}), so the mount is refused and the pod waits in ContainerCreating. XFS is not checked at mount time: it stays refused until someone repairs it. Retrying, deleting the pod or moving it to another node does not help: the damage is on the disk.`,
        action: 'Do not delete or reformat the volume: snapshot it first, then run xfs_repair by hand on it (unmounted) from a debug pod or an instance it is attached to, and let the kubelet mount it again; xfs_repair -L only if it cannot replay the log (it discards the log\'s last changes). If it cannot be repaired, restore the data from the snapshot or a backup (or let the application\'s replicas rebuild it).',
        fix: 'snapshot the volume, then repair its filesystem by hand (xfs_repair) from a debug pod or instance',
        evidence: down ? [`node/${down.object.name}: ${down.reason}: ${down.message}`] : [],
        confirm,
        ...decisiveOf(lineOf(messages, FSCK_FAILED)),
        ...(down ? { datesChange: true as const } : {}),
      };
    }
    return {
      title: `its filesystem is corrupt: fsck found errors it could not correct ("${said}")${crash}`,
      cause: `Before it mounts the disk the CSI node plugin runs fsck, which repairs only what is safe unattended; here it found damage that needs a human (typical after an unclean shutdown${since}), so the mount is refused and the pod waits in ContainerCreating. Retrying, deleting the pod or moving it to another node does not help: the damage is on the disk.`,
      action: `Do not delete or reformat the volume: snapshot it first, then run fsck by hand on it (e2fsck -f, without -a or -p; xfs_repair for XFS) from a debug pod or an instance it is attached to, and let the kubelet mount it again. If it cannot be repaired, restore the data from the snapshot or a backup (or let the application's replicas rebuild it).`,
      fix: 'snapshot the volume, then repair its filesystem by hand (e2fsck -f) from a debug pod or instance',
      evidence: down ? [`node/${down.object.name}: ${down.reason}: ${down.message}`] : [],
      confirm,
      ...decisiveOf(lineOf(messages, /UNEXPECTED INCONSISTENCY/i) ?? lineOf(messages, FSCK_FAILED)),
      ...(down ? { datesChange: true as const } : {}),
    };
  }
  if (!WRONG_TYPE.test(messages)) return undefined;
  const asked = MOUNT_TYPE.exec(messages)?.[1] ?? pv?.fsType;
  const source = pvc?.dataSource;
  // A claim filled from a snapshot (or a clone) just before: the disk came with its own filesystem.
  const restored = source !== undefined && isInTriggerWindow(pvc?.createdAt, firstFailure) ? source : undefined;
  const as = asked ?? 'the volume\'s fsType';
  const from = source ? `${source.kind} ${source.name}` : undefined;
  const evidence = [
    ...(pvc && from ? [`PVC ${pvc.name}: restored from ${from}${pvc.createdAt ? `, created ${formatAgo(pvc.createdAt, now)}` : ''}`] : []),
    ...(asked ? [`the node mounts it as ${asked} (${MOUNT_TYPE.test(messages) ? 'mount -t' : 'PersistentVolume csi.fsType'} ${asked})`] : []),
  ];
  if (restored && from) {
    return {
      title: `its disk does not mount as ${as} ("wrong fs type, bad option, bad superblock"): claim ${pvc?.name ?? claim ?? ''} was restored ${formatAgo(pvc?.createdAt ?? firstFailure, now)} from ${from}, whose filesystem is not ${as}`,
      cause: `The CSI node plugin formats only an empty disk; a disk restored from a snapshot keeps the filesystem it was taken with, and the plugin mounts it as the volume's fsType (${as}: the StorageClass's csi.storage.k8s.io/fstype, ext4 by default). ${from} was taken of a disk with another filesystem (XFS, say, from a VM), so mount -t ${as} fails and the pod waits in ContainerCreating. Retrying or moving the pod does not help.`,
      action: `Do not format the volume (that erases the restored data): restore ${from} into a claim whose StorageClass sets csi.storage.k8s.io/fstype to the filesystem the snapshot holds (blkid on the node tells it), or copy the data onto a ${as} volume; then give the pod that claim.`,
      fix: `restore ${from} into a volume whose StorageClass fsType is the snapshot's own filesystem (not ${as}), without formatting it`,
      evidence,
      confirm,
      ...decisiveOf(lineOf(messages, WRONG_TYPE)),
      datesChange: true,
    };
  }
  return {
    title: `its disk does not mount as ${as} ("wrong fs type, bad option, bad superblock"): it holds another filesystem, or a damaged one`,
    cause: `The disk holds a filesystem other than ${as} (a disk imported, restored or re-used from elsewhere), or its superblock is damaged (an unclean shutdown); mount refuses it and the pod waits in ContainerCreating.`,
    action: `Do not format the disk: snapshot it first, find which filesystem it holds (blkid from a debug pod on the node) and mount it as that type (the StorageClass's csi.storage.k8s.io/fstype), or repair it by hand if it is damaged.`,
    fix: 'snapshot the disk, then mount it as the filesystem it holds or repair it; do not format it',
    evidence,
    confirm,
    ...decisiveOf(lineOf(messages, WRONG_TYPE)),
  };
}

function decisiveOf(line: string | undefined): { decisive?: string } {
  return line === undefined ? {} : { decisive: line.replace(/^Output:\s*/, '') };
}
