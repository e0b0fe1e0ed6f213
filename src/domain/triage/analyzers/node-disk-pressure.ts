/**
 * The words of a DiskPressure finding: what the node is short of (inodes or bytes, as the kubelet
 * says) and, where the node's pods were read, the pod that likely holds it. The evicted pods are
 * the victims of the shortage; the fix is on the consumer, then on the node.
 */
import { clipMiddle } from '../collapse-events.js';
import { findDiskConsumer, findOwnDiskWriters, type DiskConsumer } from '../disk-consumer.js';
import { listKubeletDiskWords, readDiskShortage, type DiskShortage } from '../disk-pressure.js';
import type { TriageEvidence } from '../evidence.js';
import { formatAgo } from '../time-span.js';

const QUOTE_MAX = 200;

export interface DiskPressureWords {
  shortage?: DiskShortage;
  /** "is out of inodes (DiskPressure)". */
  state: string;
  /** "likely consumer: pod …", for the title. */
  consumer?: string;
  evidence: string[];
  cause: string;
  fix?: string;
  outsideWorkload?: string;
}

function describeConsumer(c: DiskConsumer): string {
  return `likely consumer: pod ${c.pod.name} (${c.namespace}), emptyDir ${c.volume} with no sizeLimit${c.enospc ? ', its log says "no space left on device"' : ''}`;
}

function consumerEvidence(ev: TriageEvidence, c: DiskConsumer): string[] {
  const since = c.pod.createdAt ? `, running since ${formatAgo(c.pod.createdAt, ev.collectedAt)}` : '';
  return [
    `${c.namespace}/${c.pod.name}${c.owner ? ` (${c.owner})` : ''} on the same node: container ${c.container} mounts emptyDir ${c.volume} at ${c.mountPath}, no sizeLimit (it writes to the node's root filesystem)${since}`,
    ...(c.outranks ? [`${c.pod.name} has priority ${c.outranks.priority}${c.outranks.className ? ` (${c.outranks.className})` : ''}, above the ${c.outranks.evicted} evicted pod${c.outranks.evicted === 1 ? '' : 's'} there: the kubelet evicts the others first and it keeps its files`] : []),
    ...(c.enospc ? [`${c.pod.name} log (${c.enospc.count} line${c.enospc.count === 1 ? '' : 's'} like it): ${clipMiddle(c.enospc.line, QUOTE_MAX)}`] : []),
  ];
}

export function describeDiskPressure(ev: TriageEvidence, node: string): DiskPressureWords {
  const shortage = readDiskShortage(listKubeletDiskWords(ev, node));
  const consumer = findDiskConsumer(ev, node);
  const state = shortage === 'inodes' ? 'is out of inodes (DiskPressure)' : shortage === 'bytes' ? 'is out of disk space (DiskPressure)' : 'has DiskPressure';
  const base = shortage === 'inodes'
    ? 'The node\'s filesystem has run out of inodes, not bytes (the kubelet\'s evictions and events say "inodes"): something on it creates very many small files, in an emptyDir or a container\'s writable layer, both on the node\'s root filesystem. The kubelet evicts pods to reclaim inodes, lowest priority first, and taints the node against new ones; the evicted pods are victims, not the cause.'
    : 'The node disk (nodefs or imagefs) is nearly full: the kubelet garbage-collects images, evicts pods and taints the node against new ones.';
  // No other workload's pod fits: the workload's own pods may be what writes the node full.
  const own = consumer === undefined && shortage === 'inodes' ? findOwnDiskWriters(ev, node) : undefined;
  if (own !== undefined) return describeOwnWriters(ev, node, state, own);
  if (consumer === undefined) {
    return {
      ...(shortage ? { shortage } : {}),
      state,
      evidence: [],
      cause: base,
      ...(shortage === 'inodes' ? { fix: `find what on ${node} creates many small files (an emptyDir without sizeLimit, a container's writable layer) and clean it; cordon and drain the node meanwhile (the bot will not)` } : {}),
    };
  }
  const who = `${consumer.pod.name} (${consumer.namespace})`;
  const enospc = consumer.enospc ? ` Its log reports ENOSPC ("no space left on device")${shortage === 'inodes' ? ': on a node short of inodes, its file creations are what fails' : ''}.` : '';
  const outranks = consumer.outranks ? ` It outranks the evicted pods (priority ${consumer.outranks.priority}), so it keeps running and keeps its files.` : '';
  const files = shortage === 'inodes' ? 'fewer, larger files' : 'less data';
  return {
    ...(shortage ? { shortage } : {}),
    state,
    consumer: describeConsumer(consumer),
    evidence: consumerEvidence(ev, consumer),
    cause: `${base} Likely consumer: ${who}, whose emptyDir ${consumer.volume} (${consumer.mountPath}) has no sizeLimit.${outranks}${enospc}`,
    fix: `clean and bound the emptyDir ${consumer.volume} of ${who}: a sizeLimit and ${files} (or a volume of its own); then cordon and drain the node if the pressure stays (the bot will not). The evicted pods of ${ev.target.name} are victims, not the cause: nothing to roll back there`,
    outsideWorkload: `the kubelet evicted its pods to reclaim the node's ${shortage ?? 'disk'}, which ${consumer.pod.name} holds`,
  };
}

/** The workload's own pods write the node's disk full through an unbounded emptyDir: they are the consumer, not its victims. */
function describeOwnWriters(ev: TriageEvidence, node: string, state: string, own: NonNullable<ReturnType<typeof findOwnDiskWriters>>): DiskPressureWords {
  const names = own.pods.map((p) => `${p.name}${p.reason === 'Evicted' ? ' (evicted)' : ''}`);
  const base = 'The node\'s filesystem has run out of inodes, not bytes (the kubelet\'s evictions and events say "inodes"): something on it creates very many small files, and an emptyDir lives on the node\'s root filesystem. The kubelet evicts pods to reclaim inodes, by priority and then by use, and taints the node against new ones.';
  return {
    shortage: 'inodes',
    state,
    consumer: `likely consumer: ${ev.target.name}'s own emptyDir ${own.volume} (${own.mountPath}, no sizeLimit)`,
    evidence: [
      `${ev.target.name} pods on the node mount emptyDir ${own.volume} at ${own.mountPath}, no sizeLimit (it writes to the node's root filesystem): ${names.slice(0, 3).join(', ')}`,
      `${ev.target.name} log: ${clipMiddle(own.enospc, QUOTE_MAX)}`,
    ],
    cause: `${base} Likely consumer: ${ev.target.name} itself, whose emptyDir ${own.volume} (${own.mountPath}) has no sizeLimit and whose writes there fail with ENOSPC ("no space left on device"): its pods evicted here are likely the heaviest writers of files, not mere victims.`,
    fix: `bound the number of files ${ev.target.name} writes to emptyDir ${own.volume} (a cap by entry count, fewer and larger files, a sizeLimit), then let the kubelet reclaim ${node} or cordon and drain it (the bot will not)`,
  };
}
