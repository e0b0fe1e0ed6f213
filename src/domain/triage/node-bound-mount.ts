/**
 * A mount bound to a node: the volume will not mount on the failing pods' nodes while ready pods
 * on other nodes mount the very same volume. The storage server and the export answer, so the
 * fault is the failing node's own mount client — a kernel NFS client that kept a dead session
 * after a server failover or a network blip, a wedged CSI node plugin. Such a node shows it in
 * other ways too: the kernel reports tasks hung in uninterruptible sleep, and pods there that
 * touch the mount cannot be killed (they stay Terminating).
 */
import type { EventEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { RECENT_MS, isPodHealthy, unique } from './pod-status.js';
import { MINUTE_MS, isWithin, msBetween } from './time-span.js';

export interface NodeBoundMount {
  /** The nodes where the mount fails. */
  nodes: string[];
  /** Ready pods on other nodes that mount the same volume. */
  mounters: PodEvidence[];
  /** Whether the volume is NFS (in-tree, or the mount command says `-t nfs`). */
  nfs: boolean;
  /** On the failing nodes: the kernel's hung-task reports, pods that cannot be killed. */
  signs: EventEvidence[];
  /** Pods on the failing nodes stuck Terminating past their grace. */
  stuck: PodEvidence[];
}

/** The kernel (node-problem-detector) reporting processes stuck in uninterruptible sleep, or an NFS server gone quiet. */
const HUNG = /TaskHung|KernelDeadlock|blocked for more than \d+ seconds|hung_task|nfs: server \S+ not responding|uninterruptible/i;

/** Longer than any sane grace period: a pod still Terminating after this cannot be killed. */
const STUCK_TERMINATING_MS = 5 * MINUTE_MS;

/** Claims (or NFS exports) a pod's volume named in a mount event stands for: the pod volume's name, or the PV's. */
function sourcesOf(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string): string[] {
  const fromPods = pods.flatMap((p) => (p.volumes ?? []).filter((v) => v.name === volume && v.ref !== undefined && (v.source === 'pvc' || v.source === 'nfs')).map((v) => `${v.source}:${v.ref ?? ''}`));
  const fromPv = ev.pvcs.filter((c) => c.volumeName === volume).map((c) => `pvc:${c.name}`);
  return unique([...fromPods, ...fromPv]);
}

function mounts(pod: PodEvidence, sources: readonly string[]): boolean {
  return (pod.volumes ?? []).some((v) => v.ref !== undefined && sources.includes(`${v.source}:${v.ref}`));
}

/**
 * The node-bound reading of a mount failure of `pods` on `volume`, or undefined when nothing
 * shows the volume mounts elsewhere (then the server may be down for everyone).
 */
export function findNodeBoundMount(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string | undefined, messages: readonly string[]): NodeBoundMount | undefined {
  if (volume === undefined) return undefined;
  if (pods.length === 0 || pods.some((p) => p.nodeName === undefined)) return undefined;
  const nodes = unique(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  // A machine is named when one or two fail; failing on many nodes is not one node's fault.
  if (nodes.length > 2) return undefined;
  const sources = sourcesOf(ev, pods, volume);
  if (sources.length === 0) return undefined;
  const names = new Set(pods.map((p) => p.name));
  const mounters = ev.pods.filter((p) => !names.has(p.name) && isPodHealthy(p, ev.collectedAt) && mounts(p, sources));
  // A pod on a failing node that mounts it fine would clear the node.
  if (mounters.length === 0 || mounters.some((p) => p.nodeName === undefined || nodes.includes(p.nodeName))) return undefined;
  const onNodes = new Set(ev.pods.filter((p) => p.nodeName !== undefined && nodes.includes(p.nodeName)).map((p) => p.name));
  const recent = (e: EventEvidence) => isWithin(e.lastSeen, ev.collectedAt, RECENT_MS);
  const hung = ev.events.filter((e) => e.object.kind === 'Node' && nodes.includes(e.object.name) && recent(e) && HUNG.test(`${e.reason} ${e.message}`));
  const unkillable = ev.events.filter((e) => e.object.kind === 'Pod' && onNodes.has(e.object.name) && e.reason === 'FailedKillPod' && recent(e));
  const stuck = ev.pods.filter((p) => onNodes.has(p.name) && p.deletionTimestamp !== undefined && msBetween(p.deletionTimestamp, ev.collectedAt) > STUCK_TERMINATING_MS);
  const nfs = sources.some((s) => s.startsWith('nfs:')) || ev.volumes?.some((v) => v.name === volume && v.driver === 'nfs') === true || messages.some((m) => /-t nfs|mount\.nfs/.test(m));
  return { nodes, mounters, nfs, signs: [...hung, ...unkillable], stuck };
}
