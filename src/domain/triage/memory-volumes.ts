/**
 * Memory a container is charged for that is not its process: files in an emptyDir with
 * `medium: Memory` are tmpfs pages, charged to the memory cgroup of the container that writes
 * them and never reclaimable while the files exist. Temp files there count against the memory
 * limit like heap does, so a job that writes a large file is OOM-killed though its heap is small.
 */
import type { ContainerSpecEvidence, PodEvidence } from './evidence.js';

export interface MemoryVolumeMount {
  volume: string;
  mountPath: string;
  sizeLimit?: string;
}

/** The memory-backed emptyDirs `container` mounts (read-only ones are not written by it). */
export function listMemoryVolumeMounts(pod: PodEvidence, container: ContainerSpecEvidence): MemoryVolumeMount[] {
  const tmpfs = new Map((pod.volumes ?? []).filter((v) => v.source === 'emptyDir' && v.medium?.toLowerCase() === 'memory').map((v) => [v.name, v]));
  return (container.volumeMounts ?? []).flatMap((m) => {
    const v = tmpfs.get(m.name);
    if (v === undefined || m.readOnly) return [];
    return [{ volume: v.name, mountPath: m.mountPath, ...(v.sizeLimit ? { sizeLimit: v.sizeLimit } : {}) }];
  });
}

/** "/tmp (emptyDir scratch, medium Memory)". */
export function formatMemoryMounts(mounts: readonly MemoryVolumeMount[]): string {
  return mounts.map((m) => `${m.mountPath} (emptyDir ${m.volume}, medium Memory${m.sizeLimit ? `, sizeLimit ${m.sizeLimit}` : ''})`).join(', ');
}

export function explainMemoryMounts(mounts: readonly MemoryVolumeMount[], limit: string | undefined): string {
  const unbounded = mounts.some((m) => m.sizeLimit === undefined);
  return `${formatMemoryMounts(mounts)} ${mounts.length === 1 ? 'is a tmpfs' : 'are tmpfs'}: every file written there is held in memory and charged to the container's memory cgroup, so temp files count against the ${limit ?? ''} limit as much as the heap does${unbounded ? ', and with no sizeLimit they can fill it' : ''}. A small heap is no alibi. `;
}
