/**
 * Postgres out of dynamic shared memory: with dynamic_shared_memory_type = posix every segment a
 * parallel query shares between its workers (hash tables, sorts) is a file in /dev/shm. In a
 * container /dev/shm is the runtime's own tmpfs, 64 MB unless the pod mounts an emptyDir of
 * medium Memory there, so a parallel plan that needs more fails with "could not resize shared
 * memory segment … No space left on device" (SQLSTATE 53100, disk_full): not the data disk.
 * What raises the need is parallelism (max_parallel_workers_per_gather) or a bigger query.
 * Pure: reads lines and the pod's spec.
 */
import type { PodEvidence } from './evidence.js';
import type { ServerExplanation } from './server-explanation.js';

/** The server's words (or a driver quoting them): a segment it could not create or grow for lack of space. */
export const PG_SHM_FULL = /could not (?:resize|open|create|allocate) (?:dynamic )?shared memory segment[^\n]*No space left on device/i;

/** The settings that decide how much shared memory a parallel query asks for, and where it goes. */
export const PARALLEL_SETTINGS = ['max_parallel_workers_per_gather', 'dynamic_shared_memory_type'] as const;

/** The runtime's /dev/shm when nothing is mounted there (Docker, containerd, CRI-O). */
export const RUNTIME_DEFAULT_SHM = '64 MB';

/** The server's log naming a reload that changed how much parallel query it plans: the trigger. */
export const PARALLELISM_CHANGED: ServerExplanation = {
  pattern: /parameter "(max_parallel_workers_per_gather|max_parallel_workers|min_dynamic_shared_memory|work_mem|hash_mem_multiplier)" changed to "([^"]*)"/,
  describe: (m) => ({ said: `a reload set ${m[1] ?? 'a parallel query setting'} to ${m[2] ?? '?'}` }),
  everyMember: true,
  dated: true,
};

/** What the server's pod mounts at /dev/shm, in words, for its title and its evidence. */
export function readShmMount(pod: PodEvidence): { said: string; evidence: string } {
  const mounted = pod.containers.flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.mountPath.replace(/\/$/, '') === '/dev/shm').map((m) => ({ c, m })));
  const found = mounted.map(({ c, m }) => ({ c, v: (pod.volumes ?? []).find((v) => v.name === m.name) })).find((x) => x.v !== undefined);
  if (found?.v?.source === 'emptyDir' && found.v.medium === 'Memory') {
    const size = found.v.sizeLimit ? `, sizeLimit ${found.v.sizeLimit}` : ', no sizeLimit';
    return { said: `emptyDir ${found.v.name} (medium: Memory${size})`, evidence: `${pod.name} mounts emptyDir ${found.v.name} (medium: Memory${size}) at /dev/shm in container ${found.c.name}` };
  }
  return {
    said: `the runtime's default ${RUNTIME_DEFAULT_SHM}: no emptyDir with medium: Memory is mounted there`,
    evidence: `${pod.name} mounts nothing at /dev/shm${found?.v ? ` but ${found.v.source} ${found.v.name}` : ''}, so its /dev/shm is the container runtime's default ${RUNTIME_DEFAULT_SHM} tmpfs`,
  };
}

/** The fix, with where the parallel setting lives ("in ConfigMap x (its postgresql.conf sets 4)"). */
export function fixShm(where: string): string {
  return `mount an emptyDir { medium: Memory, sizeLimit: 1–2Gi } at /dev/shm in the Postgres pods (within their memory limit), or set max_parallel_workers_per_gather back to 0 ${where} and reload; it is shared memory, not the data disk`;
}
