import { formatEventLine } from '../collapse-events.js';
import type { ContainerEvidence, PodEvidence, PvcEvidence, TriageEvidence } from '../evidence.js';
import type { VolumeEvidence, VolumeMountEvidence } from '../evidence-spec.js';
import { findCondition, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findNodeKernelLimit } from '../node-kernel-limit.js';
import { type ClaimResize, findClaimResize } from '../pvc-resize.js';
import { formatAgo } from '../time-span.js';

/** Every runtime's words for a full filesystem. */
const NO_SPACE = /No space left on device|ENOSPC|disk (is )?full|DiskFull|could not extend file|out of disk space|not enough space on the disk/i;

interface FullMount {
  mount: VolumeMountEvidence;
  volume: VolumeEvidence;
  /** How the mount was picked: the log's absolute path lies under it, or it is the only writable claim. */
  how: 'path' | 'only-claim';
}

/** The mount a full-disk line is about: the one its absolute path lies under, else the only writable PVC mount. */
function findFullMount(pod: PodEvidence, container: ContainerEvidence, line: string): FullMount | undefined {
  const mounts = (container.volumeMounts ?? []).filter((m) => !m.readOnly);
  const volumeOf = (m: VolumeMountEvidence) => (pod.volumes ?? []).find((v) => v.name === m.name);
  const paths = [...line.matchAll(/(\/[\w.@-]+)+/g)].map((m) => m[0]);
  const byPath = mounts
    .filter((m) => paths.some((p) => p === m.mountPath || p.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const v = byPath ? volumeOf(byPath) : undefined;
  if (byPath && v) return { mount: byPath, volume: v, how: 'path' };
  const claims = mounts.filter((m) => volumeOf(m)?.source === 'pvc');
  const [only] = claims;
  const ov = only ? volumeOf(only) : undefined;
  return claims.length === 1 && only && ov ? { mount: only, volume: ov, how: 'only-claim' } : undefined;
}

/**
 * A process that fails because a filesystem is full ("No space left on device"), told with the
 * volume that is full: the PVC and its size, an emptyDir, or the node's disk. The exit code and
 * the crash loop are what it looks like; the full volume is what to fix.
 */
export function analyzeVolumeFull(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((log) => {
    const pod = findPod(ev, log.pod);
    const container = pod?.containers.find((c) => c.name === log.container);
    // inotify reports running out of watches as ENOSPC too: a node's kernel limit, not a full disk.
    const line = [...log.lines].reverse().find((l) => NO_SPACE.test(l) && findNodeKernelLimit([l]) === undefined);
    return pod && container && line ? [{ pod, container, line: line.trim(), mount: findFullMount(pod, container, line) }] : [];
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
  // The size the process filled is the volume's, not the one an expansion asks for.
  const size = claim?.capacity ?? claim?.requested;
  let what: string;
  if (m && m.volume.source === 'pvc') what = `Volume ${m.volume.name} is full: PVC ${m.volume.ref ?? '?'}${size ? ` (${size})` : ''} mounted at ${m.mount.mountPath}`;
  else if (m && m.volume.source === 'emptyDir') what = `emptyDir ${m.volume.name} at ${m.mount.mountPath} is full (it lives on the node's disk, within its sizeLimit)`;
  else if (m) what = `Volume ${m.volume.name} (${m.volume.source}) at ${m.mount.mountPath} is full`;
  else what = `A filesystem of container ${first.container.name} is full`;
  const nodeOk = nodeDisk?.status === 'False' && m?.volume.source === 'pvc';
  return [
    {
      id: `volume-full/${m?.volume.ref ?? m?.volume.name ?? first.container.name}`,
      kind: 'volume-full',
      title: `${what}: writes fail with "No space left on device"${resize ? `; ${describeResize(resize)}` : ''} (${pods.length === 1 ? pods[0] : `${pods.length} pods`})`,
      layer: 'storage',
      severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
      confidence: m?.how === 'path' || (m !== undefined && /No space left/i.test(first.line)) ? 'high' : 'medium',
      evidence: [
        `log ${first.pod.name}/${first.container.name}: ${first.line}`,
        ...(m ? [`${first.container.name} writes to ${m.mount.mountPath} on volume ${m.volume.name} (${m.volume.source}${m.volume.ref ? ` ${m.volume.ref}` : ''})${m.how === 'only-claim' ? ', its only writable claim' : ''}`] : []),
        ...(claim ? [describeClaim(claim, resize)] : []),
        ...(resize?.refusal ? [formatEventLine(resize.refusal, { withObject: true, maxLength: 400 })] : []),
        ...(nodeDisk ? [`node ${node?.name ?? ''}: DiskPressure=${nodeDisk.status}${nodeOk ? ' (the node\'s own disk is fine)' : ''}`] : []),
      ],
      // An expansion that is refused decides what to do: the full volume is not news any more.
      decisive: resize?.state === 'refused' && resize.reason ? resize.reason : first.line,
      likelyCause: `The filesystem ${m ? `behind ${m.mount.mountPath} ` : ''}has no free space left, so the process cannot write and gives up; restarting does not free anything. Something grew: data, logs, a write-ahead log that is not being recycled (a stale replication slot, a stuck archiver).`,
      ...adviseSpace(claim, resize, pods, ev.collectedAt),
      confirmCommands: [
        ...(claim ? [formatKubectl(ev.target, `${resize ? 'describe' : 'get'} pvc ${claim.name}`)] : []),
        formatKubectl(ev.target, `logs ${first.pod.name} -c ${first.container.name} --previous --tail=50`),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

function describeClaim(claim: PvcEvidence, resize: ClaimResize | undefined): string {
  const size = claim.capacity ?? claim.requested ?? 'size unknown';
  const asked = resize && claim.capacity && claim.requested && claim.requested !== claim.capacity ? ` (${claim.requested} requested, not granted yet)` : '';
  const conditions = (claim.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
  return `PVC ${claim.name}: ${claim.phase}, ${size}${asked}${claim.storageClass ? `, storage class ${claim.storageClass}` : ''}${conditions.length > 0 ? `, conditions ${conditions.join(', ')}` : ''}`;
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
