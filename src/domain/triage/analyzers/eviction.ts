import type { IsoTime, PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findCoreDumps } from '../core-dumps.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { HISTORY_MS, RECENT_MS, groupBy, limitLines, unique } from '../pod-status.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { formatAgo, isWithin, latest } from '../time-span.js';
import { describeOrigin, describeOriginEvidence, explainOrigin, findStorageLimitOrigin, fixOrigin } from '../resource-origin.js';
import { findTolerationChurn } from './toleration-churn.js';
import { findOwnDiskWriters } from '../disk-consumer.js';
import { capitalize } from '../../text.js';

interface Eviction {
  pod: string;
  node?: string;
  message: string;
  at?: IsoTime;
  /** "memory", "ephemeral-storage", "nodefs", …, or "limit" when the pod exceeded its own limit. */
  resource: string;
}

/** "The node was low on resource: memory." → memory; local-storage limit overruns → limit. */
function findResource(message: string): string {
  const low = /low on resource: ([\w./-]*\w)/i.exec(message);
  if (low?.[1]) return low[1];
  if (/exceeds the (total )?limit|exceeds the limit/i.test(message)) return 'limit';
  if (/taint/i.test(message)) return 'taint';
  return 'unknown';
}

/** The kubelet reports usage in Ki; people read Mi and Gi. */
function formatUsage(q: string | undefined): string {
  const bytes = parseQuantity(q);
  return bytes !== undefined && /i$/.test(q ?? '') ? formatBytes(bytes) : (q ?? '');
}

/**
 * When the pod was evicted, from the most specific record: the Evicted event; else the kubelet's
 * DisruptionTarget condition; else the moment its containers were killed. The Ready condition is the
 * last resort: its transition time says when readiness last changed, not when the eviction was, and
 * trusting it turns a days-old leftover into a fresh eviction.
 */
function findEvictionTime(ev: TriageEvidence, pod: PodEvidence): IsoTime | undefined {
  const events = listPodEvents(ev, ['Evicted'], [pod.name]);
  if (events.length > 0) return latest(events.map((e) => e.lastSeen));
  const disruption = latest(pod.conditions.filter((c) => c.type === 'DisruptionTarget').map((c) => c.lastTransitionTime));
  const killed = latest(pod.containers.flatMap((c) => (c.state && 'terminated' in c.state ? [c.state.terminated.finishedAt] : [])));
  return disruption ?? killed ?? latest(pod.conditions.filter((c) => c.type === 'Ready').map((c) => c.lastTransitionTime));
}

/**
 * Pods the kubelet evicted (node short of memory or disk, or a pod over its ephemeral-storage
 * limit) and taint-manager evictions. Evicted pods linger as Failed objects for days, so
 * only evictions of the last day count, and only the last hour's as more than context.
 */
export function analyzeEvictions(ev: TriageEvidence): Finding[] {
  const evictions: Eviction[] = [];
  // Taint evictions of pods that tolerate the taint for a while are toleration-churn.ts's.
  const churnNodes = findTolerationChurn(ev)?.nodes ?? [];
  for (const pod of ev.pods) {
    if (pod.reason !== 'Evicted' && !listPodEvents(ev, ['Evicted', 'TaintManagerEviction'], [pod.name]).length) continue;
    const event = listPodEvents(ev, ['Evicted', 'TaintManagerEviction'], [pod.name]).at(-1);
    const message = pod.message ?? event?.message ?? '';
    const at = findEvictionTime(ev, pod) ?? event?.lastSeen;
    if (at !== undefined && !isWithin(at, ev.collectedAt, HISTORY_MS)) continue;
    const resource = event?.reason === 'TaintManagerEviction' ? 'taint' : findResource(message);
    if (resource === 'taint' && pod.nodeName !== undefined && churnNodes.includes(pod.nodeName)) continue;
    evictions.push({ pod: pod.name, ...(pod.nodeName ? { node: pod.nodeName } : {}), message, ...(at ? { at } : {}), resource });
  }
  // A pod over its own limit is the pod's doing wherever it ran; node shortages are per node.
  const groups = groupBy(evictions, (e) => (e.resource === 'limit' ? 'limit' : `${e.node ?? '?'}/${e.resource}`));
  return [...groups.values()].map((group) => describeGroup(ev, group));
}

/** The kubelet's words for an emptyDir over its own sizeLimit: `Usage of EmptyDir volume "x" exceeds the limit "1Gi".` */
const EMPTYDIR_OVER_LIMIT = /Usage of EmptyDir volume "([^"]+)" exceeds the limit "([^"]+)"/i;

interface EmptyDirOverrun {
  volume: string;
  limit: string;
  /** Where the template's containers mount it: `worker at /tmp/work`. */
  mounts: string[];
}

/**
 * An emptyDir over its own sizeLimit: the kubelet evicts the pod for that volume alone, whatever
 * the containers' ephemeral-storage limits and the node's free disk.
 */
function readEmptyDirOverrun(ev: TriageEvidence, group: readonly Eviction[]): EmptyDirOverrun | undefined {
  const m = group.map((e) => EMPTYDIR_OVER_LIMIT.exec(e.message)).find((x) => x !== null);
  if (m === undefined || m === null) return undefined;
  const volume = m[1] ?? '';
  const mounts = (ev.workload?.templateContainers ?? []).flatMap((c) => (c.volumeMounts ?? []).filter((v) => v.name === volume).map((v) => `${c.name} at ${v.mountPath}`));
  return { volume, limit: m[2] ?? '', mounts };
}

function describeGroup(ev: TriageEvidence, group: Eviction[]): Finding {
  const first = group[0] as Eviction;
  const emptyDir = first.resource === 'limit' ? readEmptyDirOverrun(ev, group) : undefined;
  if (emptyDir !== undefined) return describeEmptyDirOverrun(ev, group, emptyDir);
  const pods = unique(group.map((e) => e.pod));
  const nodes = unique(group.flatMap((e) => (e.node ? [e.node] : [])));
  const recent = group.some((e) => e.at !== undefined && isWithin(e.at, ev.collectedAt, RECENT_MS));
  const where = nodes.length === 1 ? ` from ${nodes[0] ?? ''}` : nodes.length > 1 ? ` from ${nodes.length} nodes` : '';
  const n = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const usage = unique(group.flatMap((e) => [...e.message.matchAll(/Container (\S+) was using (\S+), (?:request is|which exceeds its request of) (\S+?)[,.]/g)].map((m) => `${m[1] ?? ''} used ${formatUsage(m[2])} against a request of ${m[3] ?? ''}`)));

  // The limit the pods are evicted at may not be the template's: a LimitRange's default, set at admission.
  const found = first.resource === 'limit' ? findStorageLimitOrigin(ev, ev.pods.filter((p) => pods.includes(p.name))) : undefined;
  const ns = ev.target.namespace;
  let title: string;
  let cause: string;
  // Crashes that dump core are what fills the disk: each writes a file the size of the process.
  const cores = first.resource === 'limit' ? findCoreDumps(ev) : undefined;
  if (first.resource === 'limit') {
    const filledBy = cores === undefined ? '' : `, filled by core dumps — the process crashes and dumps core (${cores.count} in the logs read)${cores.dir !== undefined ? ` into ${cores.dir}, on the writable layer` : ''}`;
    title = `${n} evicted${where}: ephemeral storage over the pod's limit${found ? `, ${describeOrigin(found.origin, ns)}` : filledBy}`;
    const files = findLocalFiles(ev);
    cause = `${found ? `${explainOrigin(found.origin, ns)} ` : ''}The pod wrote more to local disk (logs, emptyDir, writable layer) than its ephemeral-storage limit allows.${files.length > 0 ? ` It is configured to write to ${files.join(', ')}, which is not on a mounted volume: the writable layer counts against the limit.` : ''}` +
      (cores === undefined ? '' : ` What writes it: every crash ("${cores.line}") leaves a core file as large as the process's memory${cores.dir !== undefined ? ` in ${cores.dir}, which no volume backs` : ' in its working directory'}${cores.unlimited ? ', and the command lifts the core size limit (ulimit -c unlimited)' : ''}; a few crashes pass the limit. The crash itself is the second thing to fix.`);
  } else if (first.resource === 'taint') {
    title = `${n} evicted${where} by a NoExecute taint`;
    cause = 'The node got a NoExecute taint (not-ready, unreachable, or set by an operator) and the pods did not tolerate it.';
  } else if (first.resource === 'inodes') {
    title = `${n} evicted${where}: node low on inodes`;
    // The workload's own unbounded emptyDir, whose writes fail with ENOSPC: its evicted pods are the writers, not bystanders.
    const writers = first.node !== undefined ? findOwnDiskWriters(ev, first.node) : undefined;
    const own = writers?.pods.some((p) => pods.includes(p.name)) ? writers : undefined;
    cause = `The node's filesystem ran out of inodes (files), not bytes: something on it creates very many small files (an emptyDir, a container's writable layer), and the kubelet evicted pods, lowest priority first, to reclaim them. ${own ? `The evicted pods of ${ev.target.name} mount emptyDir ${own.volume} (${own.mountPath}) with no sizeLimit, whose writes fail with ENOSPC: they are likely among the heaviest writers of files, not mere victims.` : 'The evicted pods are victims, not the cause.'}`;
  } else {
    title = `${n} evicted${where}: node low on ${first.resource}`;
    cause =
      `The node ran short of ${first.resource} and the kubelet evicted pods, starting with those using most above their requests ` +
      `(BestEffort, then Burstable).${usage.length > 0 ? ' This workload used far more than it requested.' : ''}`;
  }
  return {
    id: first.resource === 'limit' ? 'eviction/limit' : `eviction/${first.node ?? 'unknown'}/${first.resource}`,
    kind: 'eviction',
    title,
    layer: 'node/eviction',
    severity: recent ? 'warning' : 'info',
    confidence: first.resource === 'unknown' ? 'medium' : 'high',
    evidence: [
      ...limitLines(group.map((e) => `${e.pod}: Evicted${e.at ? ` ${formatAgo(e.at, ev.collectedAt)}` : ''}${e.message ? `: ${e.message}` : ''}`), 3),
      ...usage.slice(0, 3),
      ...(found ? [describeOriginEvidence(found.origin, found.container)] : []),
      ...(cores !== undefined ? [`${cores.count} crash${cores.count === 1 ? '' : 'es'} dumped core in the logs read: ${cores.line}`] : []),
    ],
    likelyCause: cause,
    ...(first.message ? { decisive: first.message.trim() } : {}),
    fix: found ? fixOrigin(found.origin, found.container, ns) : cores !== undefined ? `stop core files landing on the writable layer (ulimit -c 0, or a size-bounded volume for cores), then fix the crash` : first.resource === 'limit' ? 'stop writing that much to local disk (or raise the ephemeral-storage limit)' : first.resource === 'inodes' ? 'find what on the node creates many small files (an emptyDir without sizeLimit, a writable layer) and clean and bound it' : `free ${first.resource} on the node or set requests near real use`,
    nextAction:
      cores !== undefined
        ? `Stop the core dumps filling local disk: set ulimit -c 0 (or send cores to a size-bounded volume)${cores.dir !== undefined ? ` and clear ${cores.dir}` : ''}; evicted pods are replaced on their own. Then fix the crash that dumps core.`
        : first.resource === 'limit'
        ? 'Raise the ephemeral-storage limit or stop writing that much locally (log to stdout, size emptyDir). Evicted pods are replaced on their own.'
        : first.resource === 'inodes'
        ? 'Find what on the node creates many small files (an emptyDir without sizeLimit, a container\'s writable layer) and clean and bound it; requests do not count inodes. The evicted pods are replaced on their own; delete the Failed pod objects only after reading them.'
        : 'Set requests close to real use (requests equal to limits makes the pod Guaranteed and evicted last) and check what else on the node uses the resource. The evicted pods are replaced on their own; delete the Failed pod objects only after reading them.',
    confirmCommands: [
      formatKubectl(ev.target, `get pods --field-selector status.phase=Failed -o wide`),
      ...nodes.slice(0, 2).map((node) => describeNodeCommand(ev.target, node)),
    ],
    affected: { pods, nodes },
  };
}

/** Pods evicted for what one emptyDir holds: the volume's sizeLimit is the limit, not the containers'. */
function describeEmptyDirOverrun(ev: TriageEvidence, group: readonly Eviction[], d: EmptyDirOverrun): Finding {
  const pods = unique(group.map((e) => e.pod));
  const nodes = unique(group.flatMap((e) => (e.node ? [e.node] : [])));
  const recent = group.some((e) => e.at !== undefined && isWithin(e.at, ev.collectedAt, RECENT_MS));
  const where = nodes.length === 1 ? ` from ${nodes[0] ?? ''}` : nodes.length > 1 ? ` from ${nodes.length} nodes` : '';
  const n = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const mounted = d.mounts.length > 0 ? ` (mounted by ${d.mounts.join(', ')})` : '';
  const path = /^\S+ at (\S+)$/.exec(d.mounts[0] ?? '')?.[1];
  const holds = path === undefined ? `what emptyDir ${d.volume} holds` : `what ${path} holds`;
  const fix = `raise the sizeLimit of emptyDir ${d.volume} (${d.limit}) to what the work writes there, or move ${holds} to a PVC or a generic ephemeral volume, or have the writer stream or clean up as it goes`;
  return {
    id: `eviction/emptydir/${d.volume}`,
    kind: 'eviction',
    title: `${n} evicted${where}: emptyDir ${d.volume} over its sizeLimit ${d.limit}`,
    layer: 'node/eviction',
    severity: recent ? 'warning' : 'info',
    confidence: 'high',
    evidence: [
      ...limitLines(group.map((e) => `${e.pod}: Evicted${e.at ? ` ${formatAgo(e.at, ev.collectedAt)}` : ''}${e.message ? `: ${e.message}` : ''}`), 3),
      `emptyDir ${d.volume}: sizeLimit ${d.limit}${mounted}`,
    ],
    likelyCause: `The pods wrote more into emptyDir ${d.volume}${mounted} than its own sizeLimit (${d.limit}) allows, and the kubelet evicts a pod for that volume alone, whatever the node's free disk and the containers' ephemeral-storage limits (a different limit). A replacement starts with an empty volume and is evicted again once the same work fills it.`,
    decisive: (group.find((e) => EMPTYDIR_OVER_LIMIT.test(e.message))?.message ?? '').trim(),
    fix,
    nextAction: `${capitalize(fix)}; the containers' ephemeral-storage limit is not the one hit. Evicted pods are replaced on their own.`,
    confirmCommands: [
      formatKubectl(ev.target, `get pods --field-selector status.phase=Failed -o wide`),
      ...nodes.slice(0, 2).map((node) => describeNodeCommand(ev.target, node)),
    ],
    affected: { pods, nodes },
  };
}

/** Files the containers are told to write (absolute paths in literal env) outside any mounted volume. */
function findLocalFiles(ev: TriageEvidence): string[] {
  const out: string[] = [];
  for (const c of ev.workload?.templateContainers ?? []) {
    const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
    for (const e of c.env ?? []) {
      if (!('value' in e) || !/^\/[\w.\/-]+$/.test(e.value) || !/LOG|FILE|PATH|DIR|OUT/i.test(e.name)) continue;
      if (mounts.some((m) => e.value === m || e.value.startsWith(`${m.replace(/\/$/, '')}/`))) continue;
      out.push(`${e.value} (env ${e.name})`);
    }
  }
  return out.slice(0, 3);
}
