/**
 * Which volume a "No space left on device" line is about: the mount its absolute path lies under,
 * else the container's only writable claim. Shared by the analysis (volume-full.ts) and by the
 * adapter, which reads what applies a full claim only when one is full.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence, PvcEvidence } from './evidence.js';
import type { VolumeEvidence, VolumeMountEvidence } from './evidence-spec.js';
import { findNodeKernelLimit } from './node-kernel-limit.js';
import { PG_SHM_FULL } from './pg-dynamic-shm.js';

/** Every runtime's words for a full filesystem. */
export const NO_SPACE = /No space left on device|ENOSPC|disk (is )?full|DiskFull|could not extend file|out of disk space|not enough space on the disk/i;

/**
 * The kernel's EDQUOT (errno 122, "Disk quota exceeded"): a quota on the filesystem is reached.
 * CephFS and NFS provisioners enforce a claim's size as the quota of its subvolume or export, so
 * on such a claim it is the volume being full at its size, though the backing store has room.
 */
export const QUOTA_EXCEEDED = /Disk quota exceeded|\bEDQUOT\b|\[Errno 122\]/i;

export interface FullMount {
  mount: VolumeMountEvidence;
  volume: VolumeEvidence;
  /** How the mount was picked: the log's absolute path lies under it, or it is the only writable claim. */
  how: 'path' | 'only-claim';
}

/**
 * The newest full-disk (or quota-reached) line of a log; inotify reports running out of watches as ENOSPC too: a
 * node's kernel limit, not a full disk. A Postgres shared memory segment that does not fit is
 * /dev/shm (pg-dynamic-shm.ts), not a disk either.
 */
export function findNoSpaceLine(lines: readonly string[]): string | undefined {
  return [...lines].reverse().find((l) => (NO_SPACE.test(l) || QUOTA_EXCEEDED.test(l)) && findNodeKernelLimit([l]) === undefined && !PG_SHM_FULL.test(l));
}

/** The mount a full-disk line is about: the one its absolute path lies under, else the only writable PVC mount. */
export function findFullMount(pod: PodEvidence, container: ContainerEvidence, line: string): FullMount | undefined {
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

/** The claims the logs say are full. */
export function listFullClaims(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; pvcs: readonly PvcEvidence[] }): PvcEvidence[] {
  const names = new Set(
    seen.logs.flatMap((log) => {
      const pod = seen.pods.find((p) => p.name === log.pod);
      const container = pod?.containers.find((c) => c.name === log.container);
      const line = findNoSpaceLine(log.lines);
      const m = pod && container && line ? findFullMount(pod, container, line) : undefined;
      return m?.volume.source === 'pvc' && m.volume.ref ? [m.volume.ref] : [];
    }),
  );
  return seen.pvcs.filter((c) => names.has(c.name));
}
