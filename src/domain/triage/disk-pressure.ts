/**
 * What a node's DiskPressure is short of, in the kubelet's own words. The kubelet raises DiskPressure
 * for bytes (nodefs.available, imagefs.available) and for inodes (nodefs.inodesFree,
 * imagefs.inodesFree) alike; only its evictions ("The node was low on resource: inodes.") and its
 * node events ("Attempting to reclaim inodes") say which. A filesystem out of inodes with bytes to
 * spare is a different problem (millions of small files) from a full disk, with a different fix.
 */
import type { EventEvidence, NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';

export type DiskShortage = 'inodes' | 'bytes';

const MAX_NODES = 2;
/** The kubelet's words for an inode shortage: the eviction resource, the reclaim event, the signal. */
const INODES = /low on resource: inodes|reclaim inodes|inodesFree|\binodes? (?:exhausted|are low|running low)/i;
/** … and for bytes: ephemeral-storage (nodefs, imagefs), the byte signals. */
const BYTES = /low on resource: ephemeral-storage|reclaim ephemeral-storage|(?:nodefs|imagefs)\.available/i;

/** Which shortage these kubelet messages speak of; inodes win when both are said (the rarer, more specific word). */
export function readDiskShortage(words: readonly string[]): DiskShortage | undefined {
  if (words.some((w) => INODES.test(w))) return 'inodes';
  if (words.some((w) => BYTES.test(w))) return 'bytes';
  return undefined;
}

function evictionWords(p: PodEvidence, events: readonly EventEvidence[]): string[] {
  const own = events.filter((e) => e.object.kind === 'Pod' && e.object.name === p.name && e.reason === 'Evicted').map((e) => e.message);
  return [...(p.reason === 'Evicted' && p.message ? [p.message] : []), ...own];
}

/** Everything the kubelet said about the node's disk: its condition, its events, its evictions there. */
export function listKubeletDiskWords(ev: TriageEvidence, node: string): string[] {
  const n = ev.nodes.find((x) => x.name === node);
  const condition = n ? findCondition(n.conditions, 'DiskPressure')?.message : undefined;
  const nodeEvents = ev.events.filter((e) => e.object.kind === 'Node' && e.object.name === node).map((e) => e.message);
  const own = ev.pods.filter((p) => p.nodeName === node).flatMap((p) => evictionWords(p, ev.events));
  const others = (ev.nodeDisk ?? []).filter((d) => d.node === node).flatMap((d) => d.pods.flatMap((x) => (x.pod.reason === 'Evicted' && x.pod.message ? [x.pod.message] : [])));
  return [...(condition ? [condition] : []), ...nodeEvents, ...own, ...others];
}

/**
 * Nodes worth reading the pods of (at most two): under the workload's pods with DiskPressure, or
 * where the kubelet evicted them for its disk (bytes or inodes; a pod over its own limit is not the node's).
 */
export function pickDiskPressureNodes(pods: readonly PodEvidence[], nodes: readonly NodeEvidence[], events: readonly EventEvidence[]): string[] {
  const picked = new Set<string>();
  for (const n of nodes) if (findCondition(n.conditions, 'DiskPressure')?.status === 'True') picked.add(n.name);
  for (const p of pods) {
    if (p.nodeName !== undefined && readDiskShortage(evictionWords(p, events)) !== undefined) picked.add(p.nodeName);
  }
  return [...picked].slice(0, MAX_NODES);
}
