/**
 * A process failing on the filesystem of its persistent volume: the kernel answers a read or a
 * write under the path the claim is mounted at with EUCLEAN ("Structure needs cleaning"), EIO
 * ("Input/output error"), or logs an EXT4-fs or XFS corruption error. The damage is on the disk,
 * typically left by an unclean shutdown of the node it was attached to (a power loss, a kernel
 * panic: the node went NotReady and came back with a new boot id), so every start of that replica
 * fails the same way, on any node and at any revision, while replicas on their own disks run on.
 * Repairing the filesystem (e2fsck, xfs_repair) or rebuilding that replica's claim from its peers
 * is the fix; a restart or a rollback changes nothing. A missing file (ENOENT) says nothing about
 * the disk and is not read here.
 */
import type { ContainerSpecEvidence, EventEvidence, IsoTime, PersistentVolumeEvidence, PodEvidence, TriageEvidence, VolumeEvidence } from './evidence.js';
import { findHolder, pathsIn } from './corrupt-state-file.js';
import { findNodeDown } from './node-reboot.js';
import { formatAgo, msBetween } from './time-span.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';
import { resolveVolume } from './volume-server.js';

/** Errors only a damaged local filesystem gives: EUCLEAN, the kernel's ext4 and XFS reports. */
const CORRUPT = /\bStructure needs cleaning\b|\bEUCLEAN\b|\bEXT4-fs (?:\([\w.-]+\): )?error\b|\bXFS \([\w.-]+\):[^\n]*(?:metadata I\/O error|Corruption (?:detected|of in-memory data)|Internal error)|\bbad superblock\b/i;
/** EIO: the block device (or the filesystem over it) failed the call; a disk's, when the path lies on one. */
const IO_ERROR = /\bInput\/output error\b|\bEIO\b/;
/** EROFS: the filesystem refuses writes; under a mount the spec does not make read-only, the kernel remounted it so (ext4 errors=remount-ro, an XFS shutdown). */
const READ_ONLY = /\bRead-only file system\b(?!\?)|\bEROFS\b/i;
/** Drivers of network and object-store file systems: their EIO is the server's or the link's, and there is no disk to repair. */
const NETWORK_DRIVER = /nfs|efs|file\.csi|azurefile|smb|cifs|ceph ?fs|cephfs|fuse|s3|gcs|filestore|lustre|gluster|juicefs/i;

export interface VolumeFilesystemError {
  /** The line that says the call failed. */
  line: string;
  /** corrupt: the filesystem says so (EUCLEAN, ext4, XFS); io: an I/O error under the mount; read-only: writes refused (EROFS) under a mount the spec leaves writable. */
  kind: 'corrupt' | 'io' | 'read-only';
  /** The node the first failing pod runs on: its kernel log says why the filesystem went read-only. */
  node?: string;
  /** The path the log names under the mount; absent when the claim is the only one the container mounts. */
  path?: string;
  mountPath: string;
  /** The pod volume over the mount: the same name in every replica, each with its own claim. */
  volume: string;
  /** Each failing pod's claim behind that volume, and its PersistentVolume when read. */
  claims: { pod: string; claim: string; pv?: PersistentVolumeEvidence }[];
  /** The node event that dates the unclean shutdown: Rebooted (a new boot id), else NodeNotReady. */
  down?: EventEvidence;
  /** The node controller's NotReady before that reboot, when the events show it. */
  notReady?: EventEvidence;
  /** Replicas of the workload that mount their own claim and are ready. */
  healthy: string[];
}

/** The claim-backed mount the failing line (or its neighbours, or the log) names; else the container's only claim, for a corruption error. */
function findMount(tail: readonly string[], i: number, kind: VolumeFilesystemError['kind'], container: ContainerSpecEvidence, pod: PodEvidence): { path?: string; volume: VolumeEvidence; mountPath: string } | undefined {
  const onClaim = (path: string) => {
    const held = findHolder(path, container, pod);
    return held?.volume.source === 'pvc' && held.volume.ref !== undefined ? held : undefined;
  };
  const near = tail.slice(Math.max(0, i - 3), i + 3).flatMap(pathsIn);
  // A write refused with a relative path (a lock file in the data directory) names its directory in the env (a DATA_DIR, PGDATA).
  const envPaths = kind === 'read-only' ? (container.env ?? []).flatMap((e) => ('value' in e && e.value.startsWith('/') ? [e.value] : [])) : [];
  const path = near.find((p) => onClaim(p) !== undefined) ?? tail.flatMap(pathsIn).find((p) => onClaim(p) !== undefined) ?? envPaths.find((p) => onClaim(p) !== undefined);
  if (path !== undefined) return { path, ...(onClaim(path) as NonNullable<ReturnType<typeof onClaim>>) };
  if (kind !== 'corrupt') return undefined;
  // EUCLEAN names no path in many runtimes' messages: the one claim the container mounts is the only disk it can be.
  const claimed = (container.volumeMounts ?? []).flatMap((m) => {
    const volume = (pod.volumes ?? []).find((v) => v.name === m.name && v.source === 'pvc' && v.ref !== undefined);
    return volume ? [{ volume, mountPath: m.mountPath }] : [];
  });
  return claimed.length === 1 ? claimed[0] : undefined;
}

/**
 * The filesystem error the crashed runs of `container` die on, under a mount of a claim of theirs.
 * Undefined when no such error is logged, when it names no claim's mount, or when that claim's
 * volume is a network share (an NFS or object-store mount's EIO is the server's, not a disk to repair).
 */
export function findVolumeFilesystemError(ev: TriageEvidence, input: { lines: readonly string[]; container: ContainerSpecEvidence; pods: readonly PodEvidence[]; onset: IsoTime | undefined }): VolumeFilesystemError | undefined {
  const [pod] = input.pods;
  if (pod === undefined) return undefined;
  const tail = input.lines.slice(-80).map((l) => l.trim());
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const kind = CORRUPT.test(line) ? 'corrupt' : IO_ERROR.test(line) ? 'io' : READ_ONLY.test(line) ? 'read-only' : undefined;
    if (kind === undefined) continue;
    const mount = findMount(tail, i, kind, input.container, pod);
    if (mount === undefined) continue;
    // A mount the spec makes read-only (or a claim that can only be read) refuses writes by design: that is the spec's story.
    if (kind === 'read-only' && ((input.container.volumeMounts ?? []).some((m) => m.name === mount.volume.name && m.readOnly === true) || ev.pvcs.some((c) => c.name === mount.volume.ref && (c.accessModes ?? []).every((a) => a === 'ReadOnlyMany') && (c.accessModes ?? []).length > 0))) return undefined;
    const claims = input.pods.flatMap((p) => {
      const own = (p.volumes ?? []).find((v) => v.name === mount.volume.name && v.source === 'pvc');
      if (own?.ref === undefined) return [];
      const { pv } = resolveVolume(ev, [p], own.name);
      return [{ pod: p.name, claim: own.ref, ...(pv ? { pv } : {}) }];
    });
    if (claims.length === 0 || claims.some((c) => c.pv?.nfs !== undefined || NETWORK_DRIVER.test(c.pv?.driver ?? ''))) return undefined;
    if (kind === 'read-only' && claims.some((c) => (c.pv?.mountOptions ?? []).includes('ro'))) return undefined;
    const before = input.onset ?? ev.collectedAt;
    const down = findNodeDown(ev, input.pods, before);
    const notReady = down?.reason === 'Rebooted'
      ? ev.events.find((e) => e.object.kind === 'Node' && e.object.name === down.object.name && e.reason === 'NodeNotReady' && msBetween(e.firstSeen, down.firstSeen) >= 0 && msBetween(e.firstSeen, down.firstSeen) <= TRIGGER_WINDOW_MS)
      : undefined;
    const failing = new Set(input.pods.map((p) => p.name));
    const healthy = ev.pods.filter((p) => !failing.has(p.name) && p.ready && (p.volumes ?? []).some((v) => v.name === mount.volume.name && v.source === 'pvc')).map((p) => p.name);
    return {
      line,
      kind,
      ...(pod.nodeName !== undefined ? { node: pod.nodeName } : {}),
      ...(mount.path !== undefined ? { path: mount.path } : {}),
      mountPath: mount.mountPath,
      volume: mount.volume.name,
      claims,
      ...(down ? { down } : {}),
      ...(notReady ? { notReady } : {}),
      healthy,
    };
  }
  return undefined;
}

/** The repair tool for the volume's filesystem, when its PersistentVolume says which. */
function repairOf(claims: VolumeFilesystemError['claims']): string {
  const types = new Set(claims.map((c) => c.pv?.fsType?.toLowerCase()).filter((t) => t !== undefined));
  if (types.size === 1 && types.has('xfs')) return 'xfs_repair';
  if (types.size === 1 && [...types].every((t) => /^ext[234]$/.test(t))) return 'e2fsck -f';
  return 'e2fsck -f (xfs_repair for XFS)';
}

/** How the reading is told: the claim over the failing path, the node that went down, and the repair. */
export function tellVolumeFilesystemError(f: VolumeFilesystemError, container: string, now: IsoTime): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange?: true } {
  const claims = f.claims.map((c) => c.claim);
  const claimList = `${claims.length === 1 ? 'claim' : 'claims'} ${claims.join(', ')}`;
  const pvs = f.claims.flatMap((c) => (c.pv ? [`${c.claim} → PV ${c.pv.name}${c.pv.fsType ? ` (${c.pv.fsType})` : ''}`] : []));
  const pods = f.claims.map((c) => c.pod).join(', ');
  const where = f.path !== undefined ? `${f.path} lies on ${claimList} (volume ${f.volume}, mounted at ${f.mountPath})` : `${claimList} (volume ${f.volume}, mounted at ${f.mountPath}) is the only persistent volume ${container} mounts`;
  const node = f.down?.object.name;
  const downSteps = f.down === undefined ? '' : [
    f.notReady ? `NodeNotReady ${formatAgo(f.notReady.firstSeen, now)}` : undefined,
    f.down.reason === 'Rebooted' ? `Rebooted with a new boot id ${formatAgo(f.down.firstSeen, now)}` : `NodeNotReady ${formatAgo(f.down.firstSeen, now)}`,
  ].filter((s) => s !== undefined).join(', then ');
  const since = f.down === undefined ? '' : `, since its node ${node} went down${f.down.reason === 'Rebooted' ? ' and rebooted' : ''} uncleanly ${formatAgo((f.notReady ?? f.down).firstSeen, now)}`;
  if (f.kind === 'read-only') return tellReadOnly(f, container, claimList, where, pods, pvs, since);
  const what = f.kind === 'corrupt' ? 'is corrupt' : 'fails with I/O errors';
  const repair = repairOf(f.claims);
  const peers = f.healthy.length > 0 ? ` The other replicas (${f.healthy.slice(0, 3).join(', ')}) run on their own claims and are not affected.` : '';
  return {
    // The replicas are named here (the headline does not repeat a pod its title already contains, and a claim's name holds its pod's).
    title: `: the filesystem on ${claimList} (mounted at ${f.mountPath}${f.claims.length <= 2 ? ` in ${pods}` : ''}) ${what}${since}`,
    cause: `${container} fails at every start on a filesystem error of its persistent volume ("${f.line.length > 120 ? `${f.line.slice(0, 117)}…` : f.line}"): ${where}. ${f.kind === 'corrupt' ? 'The kernel reports the filesystem\'s structures damaged (EUCLEAN, "Structure needs cleaning", or its ext4/XFS error), as an unclean shutdown leaves a disk that was attached and being written' : 'The kernel fails reads or writes there with EIO: the filesystem is damaged (as an unclean shutdown leaves a disk that was being written) or the block device itself is failing'}${f.down ? `; node ${node} went down with it attached (${downSteps})` : ''}. The damage is on the disk, so a restart, a new pod or a rollback meets it again; nothing in the workload changed.${peers}`,
    action: `Snapshot the volume of ${claimList} first. Then take it offline (stop ${pods} so nothing mounts it) and run ${repair} on it by hand from an instance or a debug pod it is attached to, and start the pod again; or, when the application's peers hold copies of the data, delete ${claimList} together with ${pods} so a fresh volume is provisioned and the replica rebuilds from its peers. Do not roll back.`,
    fix: `repair the filesystem of ${claimList} (${repair}) with the volume offline, or delete the claim and let the replica rebuild from its peers`,
    evidence: [
      `${where}`,
      ...pvs,
      ...(f.down ? [`node/${node}: ${f.down.reason}: ${f.down.message}`, ...(f.notReady ? [`node/${node}: ${f.notReady.reason}: ${f.notReady.message}`] : [])] : []),
    ],
    ...(f.down ? { datesChange: true as const } : {}),
  };
}

/**
 * Writes refused under a mount nothing in the spec makes read-only: the kernel remounted the
 * filesystem read-only after I/O or filesystem errors. The same mount stays read-only across
 * container restarts; the node's kernel log says why, and a fresh attach (after a check) clears it.
 */
function tellReadOnly(f: VolumeFilesystemError, container: string, claimList: string, where: string, pods: string, pvs: string[], since: string): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange?: true } {
  const node = f.node ?? f.down?.object.name;
  const onNode = node !== undefined ? ` of node ${node}` : '';
  const repair = repairOf(f.claims);
  return {
    title: `: the filesystem on ${claimList} (mounted at ${f.mountPath}${f.claims.length <= 2 ? ` in ${pods}` : ''}) went read-only, though nothing in the spec mounts it read-only: the kernel remounts a filesystem so after I/O errors${since}`,
    cause: `${container} fails at every start writing to its persistent volume ("${f.line.length > 120 ? `${f.line.slice(0, 117)}…` : f.line}"): ${where}. Neither the container's mount nor the claim is read-only in the spec, so the filesystem itself went read-only: the kernel remounts ext4 read-only (errors=remount-ro) and shuts XFS down when the block device returns I/O errors or the filesystem finds damage — a failing, detached or throttled-to-death disk. A container restart keeps the same read-only mount, and a rollback changes nothing: nothing in the workload changed.`,
    action: `Check the kernel log${onNode} (journalctl -k or dmesg: "EXT4-fs error", "I/O error", "Remounting filesystem read-only") and the volume's health at the cloud provider; snapshot it. Then delete ${pods} (cordon${node !== undefined ? ` ${node}` : ' the node'} first to move it) so the volume is detached and mounted afresh, running ${repair} on it first if the kernel logged filesystem errors. Do not roll back.`,
    fix: `check the node's kernel log and the disk behind ${claimList}, repair it (${repair}) if the kernel logged errors, then move the pod so the volume is mounted read-write again`,
    evidence: [where, ...pvs, ...(node !== undefined ? [`${pods} runs on node ${node}: its kernel log says why the filesystem went read-only`] : [])],
    ...(f.down ? { datesChange: true as const } : {}),
  };
}
