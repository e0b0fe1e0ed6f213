/**
 * A container killed by the node, not by its own limit. The kubelet records a SystemOOM event
 * on the node only when the kernel's global OOM killer struck (the whole node ran out of memory),
 * never for a kill at a container's cgroup limit; the runtime reports OOMKilled either way. When
 * such an event coincides with the kill, the node is what ran out, and the pods that may use far
 * more memory than they request (an overcommitted node) are the suspects, not the victim's limit.
 */
import type { EventEvidence, IsoTime, NodeMemoryEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { getLastTermination } from './pod-status.js';
import { formatBytes, parseQuantity } from './quantity.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/** Event batching and clock skew between the runtime's finishedAt and the kubelet's event. */
const MATCH_MS = 2 * MINUTE_MS;
/** A neighbour that may take this much more than it requests overcommits a node by itself. */
const OVERCOMMIT_BYTES = 2 ** 30;
const MAX_NODES = 2;

function isSystemOom(e: EventEvidence): boolean {
  return e.object.kind === 'Node' && e.reason === 'SystemOOM';
}

/** The node's SystemOOM event that covers a kill at `finishedAt`, if any. */
export function findSystemOom(events: readonly EventEvidence[], node: string | undefined, finishedAt: IsoTime | undefined): EventEvidence | undefined {
  if (node === undefined || finishedAt === undefined) return undefined;
  return events.find((e) => isSystemOom(e) && e.object.name === node && msBetween(e.firstSeen, finishedAt) >= -MATCH_MS && msBetween(finishedAt, e.lastSeen) >= -MATCH_MS);
}

/** Nodes of the workload's pods where an OOMKilled container died in a system OOM (at most two): their pods are worth a read. */
export function pickSystemOomNodes(pods: readonly PodEvidence[], events: readonly EventEvidence[]): string[] {
  const nodes = new Set<string>();
  for (const p of pods) {
    for (const c of [...p.containers, ...p.initContainers]) {
      const term = getLastTermination(c);
      if (term?.reason === 'OOMKilled' && findSystemOom(events, p.nodeName, term.finishedAt) !== undefined && p.nodeName !== undefined) nodes.add(p.nodeName);
    }
  }
  return [...nodes].slice(0, MAX_NODES);
}

/** Sum of a memory resource over the pod's containers; undefined (unbounded) when any container sets no limit. */
function sumMemory(pod: PodEvidence, kind: 'requests' | 'limits'): number | undefined {
  let total = 0;
  for (const c of pod.containers) {
    const v = parseQuantity(c.resources[kind]['memory']);
    if (v === undefined) {
      if (kind === 'limits') return undefined;
      continue;
    }
    total += v;
  }
  return total;
}

export interface NodeOvercommit {
  node: string;
  /** "java ×7, python ×1": the processes the node's OOM killer chose. */
  victims: string;
  /** Other workloads' pods there that may use far more memory than they request, worst first. */
  suspects: { who: string; name: string; request: number; limit?: number; startedAt?: IsoTime }[];
  /** Evidence lines: the suspects, and the node's memory promised against what it has. */
  lines: string[];
}

function describeVictims(events: readonly EventEvidence[]): string {
  const counts = new Map<string, number>();
  for (const e of events) {
    const name = /victim process: ([^,]+)/.exec(e.message)?.[1]?.trim() ?? '?';
    counts.set(name, (counts.get(name) ?? 0) + e.count);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([n, k]) => `${n} ×${k}`).join(', ');
}

/** What the node's other pods may take beyond what they asked for, from the node's pod list. */
export function describeNodeOvercommit(ev: TriageEvidence, node: string): NodeOvercommit {
  const events = ev.events.filter((e) => isSystemOom(e) && e.object.name === node);
  const victims = describeVictims(events);
  const read: NodeMemoryEvidence | undefined = ev.nodeMemory?.find((m) => m.node === node);
  const own = new Set(ev.pods.map((p) => p.name));
  const firstOom = events.map((e) => e.firstSeen).sort()[0];
  const others = (read?.pods ?? []).filter((x) => !(x.namespace === ev.target.namespace && own.has(x.pod.name)));
  // A DaemonSet's pod is on every node: it does not say why this one ran out.
  const suspects = others
    .filter((x) => !x.owner?.startsWith('DaemonSet '))
    .flatMap((x) => {
      const request = sumMemory(x.pod, 'requests') ?? 0;
      const limit = sumMemory(x.pod, 'limits');
      if (limit !== undefined && limit - request < OVERCOMMIT_BYTES) return [];
      // A Deployment's pods are owned by its ReplicaSet: the name without the template hash.
      const owner = x.owner?.startsWith('ReplicaSet ') ? x.owner.slice(11).replace(/-[a-z0-9]{6,10}$/, '') : x.owner?.replace(/^\S+ /, '');
      const who = `${x.namespace}/${owner ?? x.pod.name}`;
      const startedAt = x.pod.startTime ?? x.pod.createdAt;
      return [{ who, name: x.pod.name, request, ...(limit === undefined ? {} : { limit }), ...(startedAt === undefined ? {} : { startedAt }) }];
    })
    // Started shortly before the first system OOM, then the widest gap (no limit is the widest).
    .map((s) => ({ s, fresh: s.startedAt !== undefined && firstOom !== undefined && msBetween(s.startedAt, firstOom) >= 0 && msBetween(s.startedAt, firstOom) <= 2 * 60 * MINUTE_MS }))
    .sort((a, b) => Number(b.fresh) - Number(a.fresh) || (b.s.limit ?? Infinity) - b.s.request - ((a.s.limit ?? Infinity) - a.s.request))
    .map((x) => x.s)
    .slice(0, 3);
  const lines = suspects.map((s) => `on ${node}: ${s.who} (pod ${s.name}) requests ${formatBytes(s.request)} memory but may use ${s.limit === undefined ? 'any amount (no memory limit)' : `up to ${formatBytes(s.limit)} (its limit)`}${s.startedAt ? `; started ${formatAgo(s.startedAt, ev.collectedAt)}` : ''}`);
  const placed = read?.pods ?? [];
  const allocatable = parseQuantity([...ev.nodes, ...(ev.clusterNodes ?? [])].find((n) => n.name === node)?.allocatable['memory']);
  if (placed.length > 0) {
    const requests = placed.reduce((n, x) => n + (sumMemory(x.pod, 'requests') ?? 0), 0);
    const unbounded = placed.filter((x) => sumMemory(x.pod, 'limits') === undefined).length;
    const limits = placed.reduce((n, x) => n + (sumMemory(x.pod, 'limits') ?? 0), 0);
    lines.push(`memory on ${node}: its ${placed.length} pods request ${formatBytes(requests)} and may use ${formatBytes(limits)}${unbounded > 0 ? ` plus ${unbounded} pod${unbounded === 1 ? '' : 's'} without a limit` : ''}${allocatable ? `, of ${formatBytes(allocatable)} allocatable` : ''}`);
  }
  return { node, victims, suspects, lines };
}
