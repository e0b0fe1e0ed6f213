/**
 * "No space left on device" in /dev/shm: shared memory, not a disk. In a container /dev/shm is the
 * runtime's own tmpfs of 64 MB unless the pod mounts an emptyDir of medium Memory there; headless
 * browsers (Chromium's shared memory regions), PyTorch's DataLoader workers and Python's
 * multiprocessing put their buffers there and outgrow 64 MB on large inputs. A revision that
 * dropped the memory emptyDir at /dev/shm (a chart refactor) puts the pods back on the default.
 * The fix is the mount (or the process using less of it), not freeing or adding disk.
 */
import type { ContainerEvidence, PodEvidence, RevisionEvidence, VolumeEvidence } from './evidence.js';
import { RUNTIME_DEFAULT_SHM } from './pg-dynamic-shm.js';
import { sortRevisions } from './revision-diff.js';

/** A full-space line about shared memory: a file under /dev/shm, the words "shared memory", PyTorch's segments ("</torch_…>"). */
const SHM_LINE = /\/dev\/shm\b|shared memory|\bshm\b|<\/torch_\d/i;
/** Chromium's own words: it has a switch to keep its shared memory off /dev/shm. */
const CHROMIUM = /chrom(e|ium)|puppeteer|playwright/i;

export interface FullShm {
  /** The memory emptyDir mounted at /dev/shm now, when one is: full at its sizeLimit. */
  mounted?: VolumeEvidence;
  /** The newest older revision that mounted a memory emptyDir at /dev/shm, when the pods' revision does not. */
  dropped?: { revision: number; volume: VolumeEvidence };
  chromium: boolean;
}

const isShmPath = (p: string): boolean => p.replace(/\/+$/, '') === '/dev/shm';

function memoryVolumeAtShm(mounts: ContainerEvidence['volumeMounts'], volumes: readonly VolumeEvidence[]): VolumeEvidence | undefined {
  const m = (mounts ?? []).find((x) => isShmPath(x.mountPath));
  const v = m && volumes.find((x) => x.name === m.name);
  return v?.source === 'emptyDir' && v.medium === 'Memory' ? v : undefined;
}

/** Whether a full-space line is about shared memory; undefined when it is not, else what /dev/shm the container has, and had. */
export function findFullShm(line: string, pod: PodEvidence, container: ContainerEvidence, revisions: readonly RevisionEvidence[], lines: readonly string[]): FullShm | undefined {
  if (!SHM_LINE.test(line)) return undefined;
  const chromium = CHROMIUM.test(line) || lines.some((l) => CHROMIUM.test(l));
  const mounted = memoryVolumeAtShm(container.volumeMounts, pod.volumes ?? []);
  if (mounted) return { mounted, chromium };
  const sorted = sortRevisions(revisions);
  const at = sorted.findIndex((r) => r.hash === pod.revisionHash);
  const older = at < 0 ? [] : sorted.slice(at + 1);
  for (const r of older) {
    const c = r.containers.find((x) => x.name === container.name);
    const v = memoryVolumeAtShm(c?.volumeMounts, r.template?.volumes ?? []);
    if (v) return { dropped: { revision: r.revision, volume: v }, chromium };
  }
  return { chromium };
}

/** The finding's title clause, cause and advice. */
export function tellFullShm(s: FullShm, container: string, memoryLimit: string | undefined): { what: string; cause: string; nextAction: string; fix: string; evidence: string } {
  const size = (v: VolumeEvidence) => (v.sizeLimit ? `, sizeLimit ${v.sizeLimit}` : '');
  const within = memoryLimit ? ` within the memory limit (${memoryLimit}), which its pages count against` : ', counted against the memory limit';
  const lessShm = s.chromium ? ', or launch Chromium with --disable-dev-shm-usage (it then uses /tmp)' : '';
  if (s.mounted) {
    return {
      what: `/dev/shm of container ${container} (emptyDir ${s.mounted.name}, medium: Memory${size(s.mounted)}) is full`,
      cause: `The process keeps shared memory in /dev/shm, the memory-backed emptyDir ${s.mounted.name}; its sizeLimit is reached, so creating or growing a segment fails with ENOSPC. It is memory, not disk: freeing disk changes nothing.`,
      nextAction: `Raise the sizeLimit of emptyDir ${s.mounted.name}${within}${lessShm}.`,
      fix: `raise the sizeLimit of emptyDir ${s.mounted.name} at /dev/shm${lessShm}`,
      evidence: `${container} mounts emptyDir ${s.mounted.name} (medium: Memory${size(s.mounted)}) at /dev/shm`,
    };
  }
  const was = s.dropped ? `emptyDir ${s.dropped.volume.name} (medium: Memory${size(s.dropped.volume)})` : 'an emptyDir (medium: Memory)';
  return {
    what: `/dev/shm of container ${container} is the runtime's default ${RUNTIME_DEFAULT_SHM} tmpfs (no memory emptyDir mounted there) and is full`,
    cause: `The process keeps shared memory in /dev/shm. With nothing mounted there, /dev/shm is the container runtime's own ${RUNTIME_DEFAULT_SHM} tmpfs, and larger inputs outgrow it: creating a segment fails with ENOSPC${s.chromium ? ' and Chromium\'s renderer crashes' : ''}. It is memory, not disk: freeing or adding disk changes nothing.${s.dropped ? ` Revision ${s.dropped.revision} mounted ${was} at /dev/shm; the pods' revision does not.` : ''}`,
    nextAction: `Mount ${s.dropped ? `${was} at /dev/shm again` : 'an emptyDir (medium: Memory, sizeLimit 1Gi or what the work needs) at /dev/shm'}${within}${lessShm}.`,
    fix: `mount ${s.dropped ? `${was} at /dev/shm again` : 'an emptyDir with medium: Memory at /dev/shm'}${lessShm}`,
    evidence: `${container} mounts nothing at /dev/shm, so it has the container runtime's default ${RUNTIME_DEFAULT_SHM} tmpfs${s.dropped ? `; revision ${s.dropped.revision} mounted ${was} there` : ''}`,
  };
}
