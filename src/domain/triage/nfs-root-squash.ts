/**
 * Root refused a change of owner or mode on an NFS volume: "chown: /data: Operation not permitted"
 * from a process that runs as root. On a local disk root may chown anything; on NFS the server
 * decides, and an export with root_squash (the default of every NFS server) maps the client's root
 * to nobody, who may not give files away. So a "fix the permissions" init container that chowns the
 * volume as root fails on every start however it is written: the owner has to be set on the server
 * (or the export's anonuid/anongid, or a non-root process writing with the group the pod's fsGroup
 * or supplementalGroups give it), not by root in the pod.
 */
import type { PersistentVolumeEvidence } from './evidence-context.js';
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import type { PvcEvidence } from './evidence-pvc.js';
import { podsRevisionContainer } from './revision-diff.js';
import { parseSecurityContext } from './security-context.js';
import { findDeepestMount } from './mount-path.js';

/** coreutils' and busybox's words, and the syscall's, for a change of owner or mode the kernel refused. */
const OWNER_CHANGE_REFUSED = /\b(?:chown|chgrp|chmod|lchown|fchownat?|fchmodat?)\b[^\n]*?(?:Operation not permitted|\bEPERM\b)/i;
/** The absolute path the refusal names. */
const PATH = /(?:^|[\s'"`(:])(\/[^\s'"`(),:;]*)/g;

export interface RootSquashRefusal {
  container: string;
  line: string;
  path: string;
  mountPath: string;
  /** The pod volume, its claim and the PersistentVolume behind it (absent for an inline nfs volume). */
  volume: string;
  claim?: string;
  persistentVolume?: string;
  /** The export: server and path. */
  server: string;
  exportPath: string;
  revision: number;
  /** The revision before, when the container was not in it: what a rollback runs. */
  previousWithout?: number;
}

/** The NFS export behind a pod volume: an inline nfs volume ("server:/path"), or a claim bound to an NFS PersistentVolume. */
function findExport(volume: { source: string; ref?: string } | undefined, claimName: string | undefined, pvcs: readonly PvcEvidence[], pvs: readonly PersistentVolumeEvidence[]): { server: string; path: string; claim?: string; pv?: string } | undefined {
  if (volume?.source === 'nfs' && volume.ref) {
    const i = volume.ref.indexOf(':');
    return i > 0 ? { server: volume.ref.slice(0, i), path: volume.ref.slice(i + 1) } : undefined;
  }
  const claim = pvcs.find((p) => p.name === claimName);
  const pv = pvs.find((v) => (claim?.volumeName !== undefined && v.name === claim.volumeName) || (claimName !== undefined && v.claim?.endsWith(`/${claimName}`) === true));
  return pv?.nfs && { ...pv.nfs, ...(claimName !== undefined ? { claim: claimName } : {}), pv: pv.name };
}

/**
 * Why `container` of these pods is refused a chown or chmod: a root process (runAsUser 0 or unset)
 * on a path under a mount of an NFS volume. Undefined when no such refusal, the path lies on no
 * NFS volume, or the process runs as another user (then any file system refuses it).
 */
export function findRootSquashRefusal(
  ev: { revisions: readonly RevisionEvidence[]; pvcs: readonly PvcEvidence[]; volumes?: readonly PersistentVolumeEvidence[] },
  pods: readonly PodEvidence[],
  container: string,
  lines: readonly string[],
): RootSquashRefusal | undefined {
  const line = lines.filter((l) => OWNER_CHANGE_REFUSED.test(l)).at(-1);
  if (line === undefined) return undefined;
  const { rev, before, container: c } = podsRevisionContainer(ev.revisions, pods, container);
  if (rev === undefined || c === undefined) return undefined;
  const uid = parseSecurityContext(c.securityContext)['runAsUser'] ?? parseSecurityContext(rev.template?.securityContext)['runAsUser'];
  if (typeof uid === 'number' && uid !== 0) return undefined;
  const volumes = rev.template?.volumes ?? pods[0]?.volumes ?? [];
  const paths = [...line.matchAll(PATH)].map((m) => (m[1] ?? '').replace(/[.'"]+$/, ''));
  for (const path of paths) {
    const mount = findDeepestMount(path, c.volumeMounts ?? []);
    if (mount === undefined) continue;
    const volume = volumes.find((v) => v.name === mount.name);
    const claimName = volume?.source === 'pvc' ? volume.ref : undefined;
    const found = findExport(volume, claimName, ev.pvcs, ev.volumes ?? []);
    if (found === undefined) continue;
    const had = before?.containers.some((x) => x.name === container) === true || before?.template?.initContainers.some((x) => x.name === container) === true;
    return {
      container, line: line.trim(), path, mountPath: mount.mountPath, volume: mount.name,
      ...(found.claim !== undefined ? { claim: found.claim } : {}), ...(found.pv !== undefined ? { persistentVolume: found.pv } : {}),
      server: found.server, exportPath: found.path, revision: rev.revision,
      ...(before !== undefined && !had ? { previousWithout: before.revision } : {}),
    };
  }
  return undefined;
}

export function tellRootSquashRefusal(r: RootSquashRefusal): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const where = `${r.server}:${r.exportPath}`;
  const volume = r.claim !== undefined ? `claim ${r.claim}${r.persistentVolume !== undefined ? ` (PersistentVolume ${r.persistentVolume})` : ''}` : `volume ${r.volume}`;
  const fix = `take the chown out of ${r.container} and set the owner on the NFS server (or export it with anonuid/anongid of the app's user); let the app write through the pod's fsGroup`;
  return {
    title: `: root cannot change owners on the NFS export ${where} (${r.claim !== undefined ? `claim ${r.claim}` : `volume ${r.volume}`}) — the server squashes root to nobody (root_squash)`,
    cause: `${r.container} runs as root and changes owner or mode under ${r.mountPath}, which is the NFS export ${where}. The NFS server, not the pod, decides who may do that, and an export with root_squash (the default) maps the client's root to nobody, who may not give files away: "Operation not permitted" on every start, whatever the command. Nothing in the pod fixes that.`,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}${r.previousWithout !== undefined ? `; rolling back to revision ${r.previousWithout} (without ${r.container}) serves meanwhile` : ''}.`,
    fix,
    evidence: [`${r.path} lies on volume ${r.volume} (mounted at ${r.mountPath}), ${volume}: NFS export ${where}`, `${r.container} runs as root: root_squash on the server maps it to nobody`],
  };
}
