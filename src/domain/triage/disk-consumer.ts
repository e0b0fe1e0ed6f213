/**
 * What on a node under DiskPressure likely holds its disk: a running pod of another workload that
 * writes into an emptyDir with no sizeLimit (an emptyDir lives on the node's root filesystem, and
 * without a limit nothing bounds its bytes or its files), that outranks the pods the kubelet evicted
 * (so it keeps running and keeps what it wrote), and whose log reports ENOSPC ("no space left on
 * device": on a node short of inodes, that is its file creations failing). Said as likely, with
 * what was read; DaemonSet pods are left out (their emptyDirs are sockets and scratch on every node).
 */
import type { NodeDiskEvidence, PodEvidence, TriageEvidence } from './evidence.js';

type NodePod = NodeDiskEvidence['pods'][number];

export interface DiskConsumer {
  namespace: string;
  owner?: string;
  pod: PodEvidence;
  volume: string;
  mountPath: string;
  container: string;
  /** Its priority, when above every evicted pod's on the node. */
  outranks?: { priority: number; className?: string; evicted: number };
  /** The last ENOSPC line of its log, and how many there were. */
  enospc?: { line: string; count: number };
}

const ENOSPC = /no space left on device|\bENOSPC\b/i;
/** Priorities of system-node-critical and system-cluster-critical: they outrank everything anyway. */
const SYSTEM_PRIORITY = 1_000_000_000;

/** The pod's writable emptyDir on the node's disk with no sizeLimit, and where a container mounts it. */
export function unboundedEmptyDir(p: PodEvidence): { volume: string; mountPath: string; container: string } | undefined {
  for (const v of p.volumes ?? []) {
    if (v.source !== 'emptyDir' || v.medium === 'Memory' || v.sizeLimit !== undefined) continue;
    for (const c of p.containers) {
      const m = (c.volumeMounts ?? []).find((x) => x.name === v.name && x.readOnly !== true);
      if (m) return { volume: v.name, mountPath: m.mountPath, container: c.name };
    }
  }
  return undefined;
}

function isSystem(x: NodePod): boolean {
  return x.namespace === 'kube-system' || (x.pod.priority ?? 0) >= SYSTEM_PRIORITY || /^system-/.test(x.pod.priorityClassName ?? '');
}

/**
 * The node's running pods of other workloads that write to an unbounded emptyDir, likeliest first:
 * application pods before system ones, then by priority (the kubelet evicts the lowest first, so
 * the one that fills the disk is often the one left standing).
 */
export function rankDiskConsumers(pods: readonly NodePod[], isOwn: (namespace: string, name: string) => boolean): (NodePod & { dir: { volume: string; mountPath: string; container: string } })[] {
  const out = pods.flatMap((x) => {
    if (x.pod.phase !== 'Running' || x.pod.deletionTimestamp !== undefined || isOwn(x.namespace, x.pod.name)) return [];
    if (/^DaemonSet /.test(x.owner ?? '')) return [];
    const dir = unboundedEmptyDir(x.pod);
    return dir ? [{ ...x, dir }] : [];
  });
  return out.sort((a, b) => Number(isSystem(a)) - Number(isSystem(b)) || (b.pod.priority ?? 0) - (a.pod.priority ?? 0) || (a.pod.name < b.pod.name ? -1 : 1));
}

/** The likeliest consumer of the node's disk, from the node's pods read for it; undefined when none fits. */
export function findDiskConsumer(ev: TriageEvidence, node: string): DiskConsumer | undefined {
  const read = ev.nodeDisk?.find((d) => d.node === node);
  if (read === undefined) return undefined;
  const own = new Set(ev.pods.map((p) => p.name));
  const [top] = rankDiskConsumers(read.pods, (ns, name) => ns === ev.target.namespace && own.has(name));
  if (top === undefined || isSystem(top)) return undefined;
  const evicted = [...ev.pods.filter((p) => p.nodeName === node), ...read.pods.map((x) => x.pod)].filter((p) => p.reason === 'Evicted');
  const highest = Math.max(...evicted.map((p) => p.priority ?? 0));
  const priority = top.pod.priority ?? 0;
  const lines = read.logs.filter((l) => l.pod === top.pod.name).flatMap((l) => l.lines).filter((l) => ENOSPC.test(l));
  const last = lines.at(-1);
  return {
    namespace: top.namespace,
    ...(top.owner ? { owner: top.owner } : {}),
    pod: top.pod,
    ...top.dir,
    ...(evicted.length > 0 && priority > highest ? { outranks: { priority, ...(top.pod.priorityClassName ? { className: top.pod.priorityClassName } : {}), evicted: evicted.length } } : {}),
    ...(last ? { enospc: { line: last.trim(), count: lines.length } } : {}),
  };
}

/**
 * The workload's own pods on the node that write into an emptyDir with no sizeLimit, running or
 * evicted from it, when the workload's logs say writes there fail with ENOSPC: with no other
 * workload's pod to blame, the workload itself is the likely consumer (the kubelet ranks pods by
 * priority, then by their use of what is short, so the heaviest writers go first). Without an
 * ENOSPC line of its own, an unbounded emptyDir alone does not make it the consumer.
 */
export function findOwnDiskWriters(ev: TriageEvidence, node: string): { pods: PodEvidence[]; volume: string; mountPath: string; enospc: string } | undefined {
  const mine = ev.pods
    .filter((p) => p.nodeName === node && p.deletionTimestamp === undefined && (p.phase === 'Running' || p.reason === 'Evicted'))
    .flatMap((p) => {
      const dir = unboundedEmptyDir(p);
      return dir ? [{ pod: p, dir }] : [];
    })
    .sort((a, b) => Number(b.pod.phase === 'Running') - Number(a.pod.phase === 'Running'));
  const [top] = mine;
  if (top === undefined) return undefined;
  // Its writes there fail, in the log of any of its pods that mounts the same emptyDir.
  const writers = new Set(ev.pods.filter((p) => unboundedEmptyDir(p)?.volume === top.dir.volume).map((p) => p.name));
  const enospc = ev.logs.filter((l) => writers.has(l.pod) && !l.previous).flatMap((l) => l.lines).filter((l) => ENOSPC.test(l) && l.includes(top.dir.mountPath)).at(-1);
  if (enospc === undefined) return undefined;
  return { pods: mine.filter((x) => x.dir.volume === top.dir.volume).map((x) => x.pod), volume: top.dir.volume, mountPath: top.dir.mountPath, enospc: enospc.trim() };
}
