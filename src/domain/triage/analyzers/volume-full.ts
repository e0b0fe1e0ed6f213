import { formatEventLine } from '../collapse-events.js';
import type { PvcEvidence, TriageEvidence } from '../evidence.js';
import { QUOTA_EXCEEDED, findFullMount, findNoSpaceLine } from '../full-mount.js';
import { findCondition, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { type ClaimResize, findClaimResize } from '../pvc-resize.js';
import { findForbiddenResize } from '../resize-forbidden.js';
import { type ClaimTemplateGap, findClaimTemplateGap } from '../claim-template-gap.js';
import { formatAgo } from '../time-span.js';
import { EMPTYDIR_FILLS, type EmptyDirInodes, readEmptyDirInodes } from '../emptydir-inodes.js';
import { findFullShm, tellFullShm } from '../full-shm.js';
import { type InodeExhaustion, findInodeExhaustion } from '../log-inodes.js';

/**
 * A process that fails because a filesystem is full ("No space left on device"), told with the
 * volume that is full: the PVC and its size, an emptyDir, or the node's disk. The exit code and
 * the crash loop are what it looks like; the full volume is what to fix.
 */
export function analyzeVolumeFull(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((log) => {
    const pod = findPod(ev, log.pod);
    const container = pod?.containers.find((c) => c.name === log.container);
    const line = findNoSpaceLine(log.lines);
    return pod && container && line ? [{ pod, container, line: line.trim(), mount: findFullMount(pod, container, line), lines: log.lines }] : [];
  });
  if (hits.length === 0) return [];
  const first = hits.find((h) => h.mount !== undefined) ?? hits[0]!;
  const pods = unique(hits.map((h) => h.pod.name));
  const podObjects = hits.map((h) => h.pod);
  const failing = podObjects.filter((p) => isPodFailing(p, ev.collectedAt));
  const m = first.mount;
  const claim = m?.volume.source === 'pvc' ? ev.pvcs.find((c) => c.name === m.volume.ref) : undefined;
  const node = ev.nodes.find((n) => n.name === first.pod.nodeName);
  const nodeDisk = node ? findCondition(node.conditions, 'DiskPressure') : undefined;
  const resize = claim ? findClaimResize(ev, claim) : undefined;
  // An expansion the API server would not even take leaves the claim as it was: only who applied it saw the refusal.
  const forbidden = claim && !resize ? findForbiddenResize(ev, claim) : undefined;
  // A template raised after the claim was made never resized it: the claim is what to expand.
  const gap = claim && !resize && !forbidden ? findClaimTemplateGap(ev.workload, claim) : undefined;
  // The size the process filled is the volume's, not the one an expansion asks for.
  const size = claim?.capacity ?? claim?.requested;
  // EDQUOT rather than ENOSPC: the volume's quota (a CephFS or NFS claim's size) is what is full.
  const quota = QUOTA_EXCEEDED.test(first.line);
  const driver = claim?.volumeName ? ev.volumes?.find((v) => v.name === claim.volumeName)?.driver : undefined;
  const said = quota ? '"Disk quota exceeded" (EDQUOT)' : '"No space left on device"';
  // ENOSPC in an emptyDir on a node the kubelet says is short of inodes: files, not bytes, ran out.
  const inodes = m && !quota ? readEmptyDirInodes(ev, first.pod, m.volume, podObjects) : undefined;
  // …or the writer's own words say the volume has no inodes left: files, not bytes, ran out.
  const ownInodes = m && !quota && !inodes ? findInodeExhaustion(first.lines, m.mount.mountPath) : undefined;
  // Shared memory in /dev/shm: a tmpfs (the runtime's 64 MB, or a memory emptyDir), not a disk.
  const shmFound = !quota && !claim && (m === undefined || m.mount.mountPath.replace(/\/+$/, '') === '/dev/shm') ? findFullShm(first.line, first.pod, first.container, ev.revisions, first.lines) : undefined;
  const shm = shmFound && tellFullShm(shmFound, first.container.name, first.container.resources.limits['memory']);
  let what: string;
  if (shm) what = shm.what;
  else if (m && inodes) what = describeInodes(m.volume.name, m.mount.mountPath, inodes);
  else if (m && ownInodes) what = `Volume ${m.volume.name}${m.volume.source === 'pvc' ? ` (PVC ${m.volume.ref ?? '?'}${size ? `, ${size}` : ''})` : ` (${m.volume.source})`} at ${m.mount.mountPath} is out of inodes, not bytes${ownInodes.used !== undefined && ownInodes.total !== undefined ? ` (${ownInodes.used} of ${ownInodes.total} inodes used)` : ''}`;
  else if (m && m.volume.source === 'pvc') what = `Volume ${m.volume.name} is ${quota ? 'at its quota' : 'full'}: PVC ${m.volume.ref ?? '?'}${size ? ` (${[size, ...(quota && driver ? [driver] : [])].join(', ')})` : ''} mounted at ${m.mount.mountPath}`;
  else if (m && m.volume.source === 'emptyDir') what = `emptyDir ${m.volume.name} at ${m.mount.mountPath} is full (it lives on the node's disk, within its sizeLimit)`;
  else if (m) what = `Volume ${m.volume.name} (${m.volume.source}) at ${m.mount.mountPath} is full`;
  else what = `A filesystem of container ${first.container.name} is full`;
  const nodeOk = nodeDisk?.status === 'False' && m?.volume.source === 'pvc';
  return [
    {
      id: `volume-full/${m?.volume.ref ?? m?.volume.name ?? first.container.name}`,
      kind: 'volume-full',
      title: `${what}: writes fail with ${said}${resize ? `; ${describeResize(resize)}` : ''}${forbidden && claim ? `; it cannot be expanded: ${describeClass(claim)} does not allow volume expansion` : ''}${gap ? `; its volumeClaimTemplate ${gap.template.name} asks ${gap.asks}, but a template sizes only claims created after it` : ''} (${pods.length === 1 ? pods[0] : `${pods.length} pods`})`,
      layer: 'storage',
      severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
      confidence: m?.how === 'path' || (m !== undefined && /No space left/i.test(first.line)) ? 'high' : 'medium',
      evidence: [
        `log ${first.pod.name}/${first.container.name}: ${first.line}`,
        ...(shm ? [shm.evidence] : []),
        ...(m ? [`${first.container.name} writes to ${m.mount.mountPath} on volume ${m.volume.name} (${m.volume.source}${m.volume.ref ? ` ${m.volume.ref}` : ''})${m.how === 'only-claim' ? ', its only writable claim' : ''}`] : []),
        ...(claim ? [describeClaim(claim, resize)] : []),
        ...(claim && gap ? [describeTemplateGap(ev, claim, gap)] : []),
        ...(resize?.refusal ? [formatEventLine(resize.refusal, { withObject: true, maxLength: 400 })] : []),
        ...(forbidden ? [formatEventLine(forbidden.refusal, { withObject: true, maxLength: 400 })] : []),
        ...(nodeDisk ? [`node ${node?.name ?? ''}: DiskPressure=${nodeDisk.status}${nodeOk ? ' (the node\'s own disk is fine)' : ''}`] : []),
        ...(inodes?.said ? [`the kubelet on ${inodes.node}: ${inodes.said}`] : []),
        ...(ownInodes && ownInodes.line !== first.line ? [`log ${first.pod.name}/${first.container.name}: ${ownInodes.line}`] : []),
      ],
      // An expansion that is refused decides what to do: the full volume is not news any more.
      decisive: resize?.state === 'refused' && resize.reason ? resize.reason : (forbidden?.reason ?? first.line),
      likelyCause: shm ? shm.cause : inodes && m ? explainInodes(m.mount.mountPath, inodes) : ownInodes && m ? explainOwnInodes(m.mount.mountPath) : `${quota ? `The quota of the filesystem ${m ? `behind ${m.mount.mountPath} ` : ''}is reached (EDQUOT)${claim ? `: CephFS and NFS provisioners enforce the claim's size (${size ?? '?'}) as the quota of its subvolume or export, so writes fail at that size whatever the storage cluster has free, and a disk check on the container's root filesystem does not see it` : ''}. The process cannot write; restarting does not free anything.` : `The filesystem ${m ? `behind ${m.mount.mountPath} ` : ''}has no free space left, so the process cannot write and gives up; restarting does not free anything.`} Something grew: data, logs, a write-ahead log that is not being recycled (a stale replication slot, a stuck archiver).${gap ? ` The StatefulSet's volumeClaimTemplate ${gap.template.name} asks ${gap.asks}, yet the claim has ${gap.has}: the StatefulSet controller uses a template only to create a claim that does not exist and never resizes a claim that exists, so raising the template (edited, or the set re-created with --cascade=orphan) left this disk as it was.` : ''}`,
      ...(shm ? { nextAction: shm.nextAction, fix: shm.fix } : inodes && m ? adviseInodes(m.volume.name, inodes) : ownInodes && m ? adviseOwnInodes(m.volume.name, claim, ownInodes) : claim && forbidden ? adviseMove(claim) : claim && gap ? adviseTemplateSize(ev, claim, gap) : adviseSpace(claim, resize, pods, ev.collectedAt)),
      ...(inodes?.fillingSince ? { onset: inodes.fillingSince, buildsUp: EMPTYDIR_FILLS, latent: EMPTYDIR_FILLS } : {}),
      confirmCommands: [
        ...(claim ? [formatKubectl(ev.target, `${resize ? 'describe' : 'get'} pvc ${claim.name}`)] : []),
        ...(forbidden && claim?.storageClass ? [formatKubectl(ev.target, `get storageclass ${claim.storageClass} -o jsonpath='{.allowVolumeExpansion}'`, 'cluster')] : []),
        formatKubectl(ev.target, `logs ${first.pod.name} -c ${first.container.name} --previous --tail=50`),
      ],
      affected: { pods, nodes: unique([...listNodesOf(podObjects), ...(inodes?.alsoNodes ?? [])]) },
    },
  ];
}

/** "emptyDir cache at /var/cache/x (no sizeLimit) ran node n out of inodes, not bytes (DiskPressure, 3 pods evicted …)". */
function describeInodes(volume: string, path: string, i: EmptyDirInodes): string {
  const evicted = i.evicted > 0 ? `, ${i.evicted} pod${i.evicted === 1 ? '' : 's'} evicted for inodes` : '';
  const nodes = i.alsoNodes.length === 0 ? `node ${i.node}` : `nodes ${[i.node, ...i.alsoNodes].join(' and ')}`;
  return `emptyDir ${volume} at ${path}${i.unbounded ? ' (no sizeLimit)' : ''} ran ${nodes} out of inodes, not bytes (DiskPressure${evicted})`;
}

function explainInodes(path: string, i: EmptyDirInodes): string {
  return `The filesystem behind ${path} has no free inodes left, though it may have bytes to spare: an emptyDir lives on the node's root filesystem, and writing very many small files there (one per cache entry or spooled item) uses up its file slots long before its bytes. A cap in bytes does not bound the number of files${i.unbounded ? ', and without a sizeLimit nothing else bounds the emptyDir' : ''}. Every file creation on the node then fails with ENOSPC ("no space left on device"), and the kubelet evicts pods to reclaim inodes (by priority, then by use) and taints the node against new ones; pods of other workloads there are evicted too, as victims. An emptyDir starts empty with its pod, so the change that began these writes can be hours older than the node's DiskPressure.`;
}

/** Bound the files, not the bytes; the node gets its inodes back when the emptyDirs of evicted pods are deleted. */
function adviseInodes(volume: string, i: EmptyDirInodes): { nextAction: string; fix: string } {
  return {
    nextAction: `Bound the number of files written to emptyDir ${volume}: cap the writer by entry count (not only bytes), or write fewer, larger files, or keep it in memory; give the emptyDir a sizeLimit, which counts every small file as at least one block, so the kubelet evicts this pod alone instead of starving the node. Then let the kubelet reclaim the inodes of ${[i.node, ...i.alsoNodes].join(' and ')} (the emptyDirs of evicted pods are deleted), or cordon and drain ${i.alsoNodes.length === 0 ? 'it' : 'them'} (the bot will not).`,
    fix: `bound the number of files written to emptyDir ${volume} (a cap by entry count, a sizeLimit) and let the node${i.alsoNodes.length === 0 ? '' : 's'} reclaim ${i.alsoNodes.length === 0 ? 'its' : 'their'} inodes`,
  };
}

function explainOwnInodes(path: string): string {
  return `The filesystem behind ${path} has no free inodes left though it has bytes to spare: every file, however small, takes one inode, and a filesystem such as ext4 fixes its number of inodes when it is made (one per bytes-per-inode of its size). Very many small files (one per cache entry, thumbnail or spooled item) use up those slots long before the bytes, and every file creation then fails with ENOSPC ("No space left on device"), which reads like a full disk. Restarting frees nothing.`;
}

/** Fewer files, or a filesystem with more inodes: more bytes add inodes only in proportion. */
function adviseOwnInodes(volume: string, claim: PvcEvidence | undefined, i: InodeExhaustion): { nextAction: string; fix: string } {
  const where = claim ? `PVC ${claim.name}` : `volume ${volume}`;
  const counted = i.used !== undefined ? ` (${i.used} in use)` : '';
  return {
    nextAction: `Mitigate: delete files ${where} can lose${counted}, oldest first (evict old cache entries; cap the writer by entry count, not only bytes). For good, store fewer, larger files, or recreate the filesystem with more inodes (mkfs.ext4 with a smaller bytes-per-inode, -i, or -N; or XFS, which allocates inodes as it goes) and copy the data over: growing the claim adds inodes only in proportion to its size.`,
    fix: `delete old small files on ${where} and bound their number (or recreate its filesystem with more inodes): it is out of inodes, not bytes`,
  };
}

function describeClaim(claim: PvcEvidence, resize: ClaimResize | undefined): string {
  const size = claim.capacity ?? claim.requested ?? 'size unknown';
  const asked = resize && claim.capacity && claim.requested && claim.requested !== claim.capacity ? ` (${claim.requested} requested, not granted yet)` : '';
  const conditions = (claim.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
  return `PVC ${claim.name}: ${claim.phase}, ${size}${asked}${claim.storageClass ? `, storage class ${claim.storageClass}` : ''}${conditions.length > 0 ? `, conditions ${conditions.join(', ')}` : ''}`;
}

/** The template's size beside the claim's, and whether the claim is older than the set that now holds the template. */
function describeTemplateGap(ev: TriageEvidence, claim: PvcEvidence, gap: ClaimTemplateGap): string {
  const set = ev.workload;
  const made = claim.createdAt ? ` ${formatAgo(claim.createdAt, ev.collectedAt)}` : '';
  const older = claim.createdAt && set?.createdAt && claim.createdAt < set.createdAt ? `, before the StatefulSet (${formatAgo(set.createdAt, ev.collectedAt)})` : '';
  return `StatefulSet ${set?.name ?? ''} volumeClaimTemplate ${gap.template.name}: ${gap.asks}${gap.template.storageClass ? `, storage class ${gap.template.storageClass}` : ''}; PVC ${claim.name} was created with ${gap.has}${made}${older}`;
}

/** The claim itself must grow to the template's size: the template will not make it. */
function adviseTemplateSize(ev: TriageEvidence, claim: PvcEvidence, gap: ClaimTemplateGap): { nextAction: string; fix: string } {
  const patch = formatKubectl(ev.target, `patch pvc ${claim.name} -p '{"spec":{"resources":{"requests":{"storage":"${gap.asks}"}}}}'`);
  return {
    nextAction: `Mitigate: expand PVC ${claim.name} itself to ${gap.asks}, the size its volumeClaimTemplate asks (\`${patch}\`; its StorageClass must allow expansion; the bot will not): editing the template again changes nothing for it. Then find what filled it.`,
    fix: `expand PVC ${claim.name} itself to ${gap.asks}, its volumeClaimTemplate's size (a template resizes no existing claim), and find what filled it`,
  };
}

function describeClass(claim: PvcEvidence): string {
  return claim.storageClass ? `StorageClass ${claim.storageClass}` : 'its StorageClass';
}

/** A class that does not allow expansion: space must be freed, and the data moved to a class that does. */
function adviseMove(claim: PvcEvidence): { nextAction: string; fix: string } {
  const cls = describeClass(claim);
  return {
    nextAction: `Mitigate: free space on PVC ${claim.name} now (delete what it can lose: old logs, archives, data past its retention) or copy the data to a new, larger volume; raising its size will not help, since ${cls} does not set allowVolumeExpansion. Then move the data to a claim of a StorageClass with allowVolumeExpansion: true, and find what filled it.`,
    fix: `free space on PVC ${claim.name} now, then move its data to a claim of a StorageClass that allows expansion (${claim.storageClass ?? 'its class'} does not)`,
  };
}

function describeResize(r: ClaimResize): string {
  if (r.state === 'refused') return `its expansion to ${r.to} is refused${r.by ? ` by ${r.by.replace(/^external-resizer /, '')}` : ''}`;
  if (r.state === 'node') return `it was expanded to ${r.to}, but the file system has not grown yet (FileSystemResizePending)`;
  return `an expansion to ${r.to} is under way`;
}

/** What to do about the space: expand the claim, unless an expansion is already refused or under way. */
function adviseSpace(claim: PvcEvidence | undefined, resize: ClaimResize | undefined, pods: string[], now: string): { nextAction: string; fix: string } {
  if (!claim) return { nextAction: 'Free space on that filesystem or give it more, then find what filled it.', fix: 'free or add space, and find what filled it' };
  if (resize?.state === 'refused') {
    return {
      nextAction: `Mitigate: free space on PVC ${claim.name} now (delete what it can lose, shorten retention) or move the data to a new, larger volume; expanding it again will not help while the expansion to ${resize.to} is refused${resize.reason ? ` ("${resize.reason}")` : ''}. Then find what filled it.`,
      fix: `free space on PVC ${claim.name} or move it to a larger volume: its expansion to ${resize.to} is refused`,
    };
  }
  if (resize?.state === 'node') {
    const pod = pods.length === 1 ? `pod ${pods[0] ?? ''}` : 'its pods';
    return {
      nextAction: `Mitigate: delete ${pod} so the kubelet grows the file system of PVC ${claim.name} to ${resize.to} when it mounts the volume again (the bot will not); then find what filled it.`,
      fix: `delete ${pod} so its file system grows to ${resize.to}, and find what filled it`,
    };
  }
  if (resize) {
    return {
      nextAction: `Wait for the expansion of PVC ${claim.name} to ${resize.to} to finish${resize.since ? ` (under way since ${formatAgo(resize.since, now)})` : ''}, or free space now; then find what filled it.`,
      fix: `let the expansion of PVC ${claim.name} to ${resize.to} finish, and find what filled it`,
    };
  }
  return {
    nextAction: `Mitigate: expand PVC ${claim.name} (its StorageClass must allow expansion; the bot will not), then find what filled it before it fills again.`,
    fix: `expand PVC ${claim.name} and find what filled it`,
  };
}
