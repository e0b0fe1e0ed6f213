/**
 * The kernel refusing the runtime a new cgroup: before any container of a pod starts, runc creates
 * its cgroups ("applying cgroup configuration for process caused: mkdir
 * /sys/fs/cgroup/memory/kubepods/…: cannot allocate memory"). ENOMEM or ENOSPC there, on a node
 * that is not short of memory, means the kernel has no room left for memory cgroups: the cgroups
 * of deleted pods linger as zombies, still charged with kernel memory (kmem) or page cache, and
 * 3.10 kernels (RHEL/CentOS 7) with kmem accounting leak them outright. The node is at fault.
 */

export interface CgroupRefusal {
  /** The cgroup controller in the path ("memory", "pids"), when the path is a cgroup v1 one. */
  controller?: string;
  /** The kernel's words: "cannot allocate memory" (ENOMEM) or "no space left on device" (ENOSPC). */
  words: string;
  /** The message from the refused operation to the kernel's words. */
  quote: string;
}

const REFUSED = /(?:mkdir|write|open|create)\s+"?(\/sys\/fs\/cgroup\/[^\s:"]+)"?[^\n]*?:\s*(cannot allocate memory|no space left on device)/i;
const APPLYING = /(?:apply(?:ing)? cgroup configuration|cgroup(?:s)? (?:creation|setup))[^\n]*?(cannot allocate memory|no space left on device)/i;

/** Controllers of cgroup v1 paths: /sys/fs/cgroup/<controller>/…; a v2 path names none. */
const V1_CONTROLLER = /^\/sys\/fs\/cgroup\/(memory|pids|cpu|cpuacct|cpu,cpuacct|cpuset|blkio|devices|freezer|hugetlb|net_cls|net_prio|perf_event|systemd)\//;

/** The pod's own part of a cgroup path (its uid, the container's id) says nothing about the node: elided. */
function elidePodPart(text: string): string {
  return text.replace(/(pod)[0-9a-f][0-9a-f_-]{7,}[^\s:"]*/g, '$1…');
}

export function parseCgroupRefusal(message: string): CgroupRefusal | undefined {
  const m = REFUSED.exec(message);
  if (m) {
    const controller = V1_CONTROLLER.exec(m[1] ?? '')?.[1];
    return { ...(controller ? { controller } : {}), words: (m[2] ?? '').toLowerCase(), quote: elidePodPart(m[0].trim()) };
  }
  const a = APPLYING.exec(message);
  return a ? { words: (a[1] ?? '').toLowerCase(), quote: a[0].trim() } : undefined;
}

/** "3.10.0-1160.el7.x86_64" → "3.10" when the kernel predates 4.0, whose memory cgroups leak kmem; newer ones → undefined. */
export function readLeakingKernel(kernelVersion: string | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(kernelVersion ?? '');
  if (!m) return undefined;
  return Number(m[1]) < 4 ? `${m[1]}.${m[2]}` : undefined;
}
