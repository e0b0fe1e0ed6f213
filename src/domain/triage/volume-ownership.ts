/**
 * "Permission denied" on a path under a volume mount: the process's user does not own the data on
 * the volume. Files a volume keeps (a PVC, a host path, NFS) were written by whoever ran before —
 * often root — and outlive the image: when an image starts running as a non-root USER (a hardened
 * base image) and the pod sets no securityContext.fsGroup, the kubelet does not hand the volume to
 * that user's group, and the first open of an old file is refused. Neither a full nor a read-only
 * volume: the fix is fsGroup (or a chown of the data), not more space or a remount.
 */
import type { PodEvidence, RevisionContainerEvidence, RevisionEvidence, VolumeEvidence, VolumeMountEvidence } from './evidence.js';
import { podsRevisionContainer } from './revision-diff.js';
import { parseSecurityContext, type SecurityContextFields } from './security-context.js';
import { isUnderDir } from './mount-path.js';

export interface VolumeOwnership {
  /** The refused path and the mount it lies under. */
  path: string;
  mountPath: string;
  /** The user the process runs as, when the spec or the log says it. */
  uid?: number;
  /** The revision the failing pods run, and the image change it brought, when it changed the image. */
  revision: number;
  imageChange?: { previous: number; from: string; to: string };
  line: string;
  clause: string;
  cause: string;
  fix: string;
  evidence: string[];
}

// A database's "permission denied for table …" is its own grant system, not the file system.
export const DENIED = /\bEACCES\b|permission denied(?! for (?:table|relation|schema|database|sequence|function|view))|AccessDeniedException/i;
/** Absolute paths as runtimes print them: bare, quoted, after "open"/"mkdir", before a colon. */
const PATH = /(?:^|[\s'"`(=:])(\/[^\s'"`(),:;]+)/g;
/** Where apps print their own user at start: "uid=10001", "uid 10001", "running as user 10001". */
const UID_IN_LOG = /\buid[=: ]\s*(\d+)\b|\brunning as (?:user |uid )?(\d+)\b/i;
/** Volumes whose files persist across pods, so their ownership was set by earlier processes. */
const KEPT: ReadonlySet<VolumeEvidence['source']> = new Set(['pvc', 'hostPath', 'nfs', 'csi', 'other']);

type Sc = SecurityContextFields;

/** The refused path that lies under one of the container's kept, writable mounts; the deepest mount wins. */
function findMountedPath(line: string, mounts: readonly VolumeMountEvidence[], volumes: readonly VolumeEvidence[]): { path: string; mount: VolumeMountEvidence } | undefined {
  const paths = [...line.matchAll(PATH)].map((m) => (m[1] ?? '').replace(/[.'"]+$/, ''));
  for (const path of paths) {
    const mount = mounts
      .filter((m) => isUnderDir(path, m.mountPath) && m.readOnly !== true)
      // A claim template's volume is not in the template's volumes: absent means a claim.
      .filter((m) => { const v = volumes.find((x) => x.name === m.name); return v === undefined || KEPT.has(v.source); })
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    if (mount) return { path, mount };
  }
  return undefined;
}

function findUid(container: RevisionContainerEvidence, podSc: Sc, lines: readonly string[]): number | undefined {
  const own = parseSecurityContext(container.securityContext)['runAsUser'] ?? podSc['runAsUser'];
  if (typeof own === 'number') return own;
  for (const l of lines) {
    const m = UID_IN_LOG.exec(l);
    const v = m?.[1] ?? m?.[2];
    if (v !== undefined) return Number(v);
  }
  return undefined;
}

/**
 * Why `container` of these pods is refused a file: a path under a kept volume, no fsGroup in the
 * pod, a non-root user. Undefined when no refusal names such a path, the pod sets fsGroup, or the
 * process is known to run as root (then the refusal is not about ownership).
 */
export function findVolumeOwnership(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], container: string, lines: readonly string[]): VolumeOwnership | undefined {
  const { rev, before, container: c } = podsRevisionContainer(revisions, pods, container);
  if (rev === undefined || c === undefined) return undefined;
  const podSc = parseSecurityContext(rev.template?.securityContext);
  if (podSc['fsGroup'] !== undefined) return undefined;
  const volumes = rev.template?.volumes ?? pods[0]?.volumes ?? [];
  const line = lines.filter((l) => DENIED.test(l)).at(-1);
  const hit = line === undefined ? undefined : findMountedPath(line, c.volumeMounts ?? [], volumes);
  if (line === undefined || hit === undefined) return undefined;
  const uid = findUid(c, podSc, lines);
  if (uid === 0) return undefined;

  const older = before?.containers.find((x) => x.name === container);
  const imageChange = older !== undefined && older.image !== c.image ? { previous: before?.revision ?? 0, from: older.image, to: c.image } : undefined;
  const who = uid !== undefined ? `uid ${uid}` : 'a non-root user';
  const tag = (image: string): string => image.slice(image.lastIndexOf('/') + 1);
  const clause = `${imageChange ? 'its new image' : 'it'} runs as ${who}, which does not own the data on its volume at ${hit.mount.mountPath} (no fsGroup)`;
  const cause = `The process is refused ${hit.path}, on the volume ${hit.mount.name} mounted at ${hit.mount.mountPath}: the files there were written by an earlier user (usually root) and keep their owner, and without securityContext.fsGroup the kubelet does not give the volume to the process's group. ${imageChange ? `Revision ${rev.revision} changed the image (${tag(imageChange.from)} → ${tag(imageChange.to)}): a new image that switched to a non-root USER meets data its predecessor wrote as root; revision ${imageChange.previous} ran as the owner.` : 'The user the image runs as and the owner of the data differ.'} The volume has room and is mounted writable: ownership is what refuses it.`;
  const gid = uid !== undefined ? `: ${uid}` : '';
  const fix = `set the pod's securityContext.fsGroup${gid} (fsGroupChangePolicy: OnRootMismatch), or chown the data on the volume to the new user in an init container`;
  const evidence = [
    `${hit.path} lies on volume ${hit.mount.name} (mounted at ${hit.mount.mountPath}); the pod template sets no securityContext.fsGroup`,
    ...(uid !== undefined ? [`the process runs as uid ${uid}`] : []),
  ];
  return { path: hit.path, mountPath: hit.mount.mountPath, ...(uid !== undefined ? { uid } : {}), revision: rev.revision, ...(imageChange ? { imageChange } : {}), line: line.trim(), clause, cause, fix, evidence };
}
