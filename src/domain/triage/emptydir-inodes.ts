/**
 * A disk-backed emptyDir whose writes fail with ENOSPC on a node the kubelet says is short of
 * inodes (disk-pressure.ts): the emptyDir lives on the node's root filesystem, which has bytes to
 * spare but no file slots left, because something there (most often the writer itself, one file
 * per cache entry or spooled item) created millions of small files. A cap in bytes does not bound
 * that; the number of files does. The emptyDir starts empty with its pod, so the fill began when
 * the pod started: that is when to look for the change that began the writes.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import type { VolumeEvidence } from './evidence-spec.js';
import { findCondition } from './evidence-lookup.js';
import { listKubeletDiskWords, readDiskShortage } from './disk-pressure.js';
import { earliest } from './time-span.js';

export interface EmptyDirInodes {
  node: string;
  /** Other nodes where the kubelet evicted pods of the workload that mount the same emptyDir, for inodes. */
  alsoNodes: string[];
  /** The kubelet's own words that say inodes (an eviction message, "Attempting to reclaim inodes"). */
  said: string;
  /** Pods on these nodes (any workload read) the kubelet evicted to reclaim inodes. */
  evicted: number;
  /** Whether the emptyDir sets no sizeLimit: nothing bounds what it holds but the node. */
  unbounded: boolean;
  /** When the writing pods started, that is when their emptyDirs began to fill. */
  fillingSince?: IsoTime;
}

const INODE_WORDS = /inodes?/i;
const MAX_OTHER_NODES = 2;

/** Reads the inode shortage under `pod`'s emptyDir `volume`; undefined unless the kubelet says inodes there. */
export function readEmptyDirInodes(ev: TriageEvidence, pod: PodEvidence, volume: VolumeEvidence, writers: readonly PodEvidence[]): EmptyDirInodes | undefined {
  if (volume.source !== 'emptyDir' || volume.medium === 'Memory' || pod.nodeName === undefined) return undefined;
  const node = pod.nodeName;
  const words = listKubeletDiskWords(ev, node);
  if (readDiskShortage(words) !== 'inodes') return undefined;
  // The condition itself only says "disk pressure"; its events and evictions say which.
  const n = ev.nodes.find((x) => x.name === node);
  const pressured = findCondition(n?.conditions ?? [], 'DiskPressure')?.status === 'True';
  const said = words.find((w) => INODE_WORDS.test(w) && !/^kubelet has/i.test(w)) ?? words.find((w) => INODE_WORDS.test(w)) ?? '';
  const forInodes = (p: PodEvidence) => p.reason === 'Evicted' && INODE_WORDS.test(p.message ?? '');
  // The same emptyDir in the workload's other pods, evicted for inodes elsewhere: those nodes filled the same way.
  const sameDir = (p: PodEvidence) => (p.volumes ?? []).some((v) => v.name === volume.name && v.source === 'emptyDir');
  const alsoNodes = [...new Set(ev.pods.filter((p) => sameDir(p) && forInodes(p) && p.nodeName !== undefined && p.nodeName !== node).map((p) => p.nodeName as string))].slice(0, MAX_OTHER_NODES);
  const nodes = new Set([node, ...alsoNodes]);
  const read = [...ev.pods, ...(ev.nodeDisk ?? []).filter((d) => nodes.has(d.node)).flatMap((d) => d.pods.map((x) => x.pod))];
  const evicted = new Set(read.filter((p) => p.nodeName !== undefined && nodes.has(p.nodeName) && forInodes(p)).map((p) => p.name)).size;
  if (!pressured && evicted === 0) return undefined;
  const fillingSince = earliest(writers.filter((p) => p.phase === 'Running').map((p) => p.startTime ?? p.createdAt));
  return { node, alsoNodes, said: said.trim(), evicted, unbounded: volume.sizeLimit === undefined, ...(fillingSince ? { fillingSince } : {}) };
}

/** Why its onset is the writers' start, for the finding's `buildsUp` and `latent`. */
export const EMPTYDIR_FILLS = 'an emptyDir starts empty with its pod and fills with files as the pod runs, so its node runs out of inodes hours after the change that began the writes';
