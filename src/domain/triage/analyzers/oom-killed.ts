import type { TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import { findLog, listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, previousLogsCommand } from '../kubectl-command.js';
import { type ContainerRef, RECENT_MS, formatContainerRef, formatPodShare, groupBy, limitLines, listNodesOf, listTerminations, severityForPods, unique } from '../pod-status.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { describeHeap, findHeapSetting, tellUnboundedHeap } from '../runtime-flags.js';
import { describeOrigin, describeOriginEvidence, explainOrigin, findResourceOrigin, fixOrigin } from '../resource-origin.js';
import { explainMemoryMounts, formatMemoryMounts, listMemoryVolumeMounts } from '../memory-volumes.js';
import { describeSystemOomKills } from './oom-system.js';
import { findOomNodeSplit } from './oom-node-split.js';
import { findCgroupBlindJvm } from '../jvm-cgroup-blind.js';
import { describeUnsetLimitSizing, type UnsetLimitSizing } from './oom-unset-limit.js';
import { formatAgo } from '../time-span.js';
import { describeUnreachableMemoryTarget, findUnreachableMemoryTarget } from '../hpa-memory-target.js';
import { findStartupReplay, type StartupReplay, tellStartupReplayOom } from '../startup-replay.js';
import { findMemoryPool, tellOversizedPool } from '../memory-pool.js';
import { findUnboundedPrefetch, tellUnboundedPrefetch } from '../unbounded-prefetch.js';
import { earliest } from '../time-span.js';
import { findOnset } from '../failure-onset.js';

interface OomHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  recent: boolean;
}

/**
 * Containers the kernel OOM-killed. Keyed on the runtime's `OOMKilled` reason only: an
 * exit code of 137 alone is any SIGKILL and is left to the signal-kill analyzer.
 */
export function analyzeOomKilled(ev: TriageEvidence): Finding[] {
  const hits: OomHit[] = listTerminations(ev.pods, ev.collectedAt, (term) => term.reason === 'OOMKilled');
  return [...groupBy(hits, (h) => h.ref.container.name).values()].filter((group) => !isPastOom(ev, group)).map((group) => describeGroup(ev, group));
}

/**
 * Kills of pods that have long recovered, well before the crashes of now began, which end with
 * another exit (an app's error, a runtime's abort): history, not the incident. Told beside those
 * crashes, an OOM title reads as their cause.
 */
function isPastOom(ev: TriageEvidence, hits: readonly OomHit[]): boolean {
  if (hits.some((h) => h.recent)) return false;
  const crashes = listTerminations(ev.pods, ev.collectedAt, (term) => term.reason !== 'OOMKilled' && term.exitCode !== 0 && term.exitCode !== 137).filter((c) => c.recent);
  const onset = findOnset(ev, unique(crashes.map((c) => c.ref.pod)));
  const lastKill = hits.map((h) => h.term.finishedAt).filter((t): t is string => t !== undefined).sort().at(-1);
  if (onset === undefined || lastKill === undefined) return false;
  return Date.parse(onset) - Date.parse(lastKill) > RECENT_MS;
}

function describeGroup(ev: TriageEvidence, hits: OomHit[]): Finding {
  // Killed by the node running out of memory, not at the container's limit.
  const system = describeSystemOomKills(ev, hits);
  if (system) return system;
  const first = hits[0] as OomHit;
  const container = first.ref.container;
  const pods = unique(hits.map((h) => h.ref.pod.name));
  const recentPods = unique(hits.filter((h) => h.recent).map((h) => h.ref.pod.name));
  const nodes = listNodesOf(hits.map((h) => h.ref.pod));
  const limit = container.resources.limits['memory'];
  const request = container.resources.requests['memory'];
  const qos = unique(hits.map((h) => h.ref.pod.qosClass ?? 'unknown')).join('/');

  const evidence = limitLines(
    hits.map(({ ref, term }) => {
      const when = term.finishedAt ? `, ${formatAgo(term.finishedAt, ev.collectedAt)}` : '';
      return `${formatContainerRef(ref)}: OOMKilled (exit ${term.exitCode})${when}; ${ref.container.restartCount} restarts`;
    }),
  );
  evidence.push(`memory limit ${limit ?? 'none'}, request ${request ?? 'none'}; QoS ${qos}`);
  // The node's own OOM killer reports here; it matters most when there is no limit.
  for (const node of nodes) {
    for (const e of listEventsOf(ev, 'Node', node).filter((e) => e.reason === 'SystemOOM' || e.reason === 'OOMKilling')) {
      evidence.push(`node ${node}: ${e.reason}: ${e.message}`);
    }
  }

  const share = formatPodShare(ev, pods.length);
  const limitBytes = parseQuantity(limit);
  const ns = ev.target.namespace;
  // The limit the pods run with may not be the template's: admission (LimitRange, VPA) can set it.
  const origin = limit ? findResourceOrigin(ev, unique(hits.map((h) => h.ref.pod)), container.name, 'memory limit', first.ref.init) : undefined;
  if (origin) evidence.push(describeOriginEvidence(origin, container.name));
  const tmpfs = listMemoryVolumeMounts(first.ref.pod, container);
  if (tmpfs.length > 0) evidence.push(`${container.name} writes to memory-backed volumes: ${formatMemoryMounts(tmpfs)}`);
  // A heap the runtime may grow to the limit or beyond: the kill is built in, whatever the load.
  const heap = findHeapSetting(container);
  const heapTooBig = heap !== undefined && limitBytes !== undefined && ((heap.bytes !== undefined && heap.bytes >= limitBytes * 0.9) || (heap.percent !== undefined && heap.percent >= 90));
  if (heap) evidence.push(describeHeap(heap, limitBytes));
  // A collector switched off (GOGC=off, no GOMEMLIMIT): the kill is built in, whatever the load.
  const off = heap?.unbounded && limit ? tellUnboundedHeap(heap, limitBytes) : undefined;
  // A server's memory pool (shared_buffers, WiredTiger's cache) sized at or near the limit: it fills as the server works.
  const killed = unique(hits.map((h) => h.ref.pod));
  const found = limit && !first.ref.init && !off && !heapTooBig ? findMemoryPool({ container, pods: killed, logs: ev.logs, config: ev.memoryPoolConfig ?? [], nodes: ev.nodes }) : undefined;
  const oversized = found && limit ? tellOversizedPool(found, limit) : undefined;
  // A queue consumer with an unbounded prefetch (basic.qos prefetch_count 0): the broker's backlog fills it.
  const unbounded = limit && !first.ref.init && !off && !heapTooBig && !oversized ? findUnboundedPrefetch(ev, container, killed) : undefined;
  const pool = oversized ?? (unbounded && limit ? tellUnboundedPrefetch(unbounded, limit) : undefined);
  if (pool) evidence.push(...pool.evidence);
  // An HPA whose memory target lies past the limit: the pods die before it ever scales out.
  const hpa = limit && !first.ref.init && !off && !heapTooBig && !pool && tmpfs.length === 0 ? findUnreachableMemoryTarget(ev.hpas, container) : undefined;
  if (hpa) evidence.push(`${describeUnreachableMemoryTarget(hpa)}; replicas ${hpa.hpa.currentReplicas} (min ${hpa.hpa.minReplicas}, max ${hpa.hpa.maxReplicas})${hpa.current ? `, memory now ${hpa.current}` : ''}`);
  const sourceFix = origin ? fixOrigin(origin, container.name, ns) : undefined;
  // Nothing in the spec explains it, and every killed run died replaying its log at start-up: that is when it dies.
  const replay = limit && !off && !heapTooBig && !pool && !hpa && sourceFix === undefined && tmpfs.length === 0 ? findReplayDeaths(ev, hits) : undefined;
  const replayed = replay && limit ? tellStartupReplayOom(replay, container.name, limit, limitBytes) : undefined;
  if (replayed) evidence.push(...replayed.evidence);
  const who = first.ref.init ? `Init container ${container.name}` : `Container ${container.name}`;
  const setBy = origin ? `, ${describeOrigin(origin, ns)}` : '';
  const over = heap?.bytes !== undefined && limitBytes !== undefined && heap.bytes >= limitBytes ? 'over' : 'close to';
  const reason = off ? off.reason : heapTooBig && heap
    ? `: ${heap.flag} lets the heap alone reach ${heap.bytes !== undefined ? `${formatBytes(heap.bytes)}, ${over}` : `${heap.percent ?? ''}% of`} the limit`
    : pool ? pool.reason
    : hpa ? `: ${describeUnreachableMemoryTarget(hpa)}, so pods are killed before the average reaches the target and the HPA never scales out`
    : tmpfs.length > 0 ? `: files written to ${tmpfs.map((m) => m.mountPath).join(', ')} count against it (${tmpfs.map((m) => `emptyDir ${m.volume}`).join(', ')}, medium Memory)` : '';
  const title = limit
    ? `${who} OOMKilled at its ${limit} memory limit (${share})${setBy}${reason || (replayed?.clause ?? '')}`
    : `${who} OOMKilled with no memory limit: node memory ran out (${share})`;
  const likelyCause = limit
    ? `The kernel killed the process when the container reached its ${limit} memory limit. Either the limit is below what the ` +
      `current load needs, or memory grows until it hits the limit (a leak: kills at steady intervals whatever the traffic). ` +
      `For runtimes with their own heap setting (JVM -Xmx/MaxRAMPercentage, Node --max-old-space-size) check it fits inside the limit.`
    : `No memory limit is set, so the node's OOM killer chose this process when ${nodes.join(', ') || 'the node'} ran out of ` +
      `memory; QoS ${qos} pods are killed before Guaranteed ones. Something on the node, maybe this container, used more than was requested.`;
  // Nothing in the spec explains it and the kills keep to one group of machines: not the limit.
  const split = limit && !off && !heapTooBig && !pool && !replayed && sourceFix === undefined && tmpfs.length === 0 ? findOomNodeSplit(ev, unique(hits.map((h) => h.ref.pod))) : undefined;
  // A worker count or heap read from a limit the container does not set: the node's size decides it.
  const unset: UnsetLimitSizing | undefined = limit && !off && !heapTooBig && !pool && !replayed && sourceFix === undefined && tmpfs.length === 0 ? describeUnsetLimitSizing(ev, container, unique(hits.map((h) => h.ref.pod)), split?.where, limit) : undefined;
  // A JVM too old to read cgroup v2 limits on nodes that mount cgroup v2: its heap is sized from the node.
  const blind = limit && !unset && !off && !heapTooBig && !pool && !replayed && sourceFix === undefined && tmpfs.length === 0 && !(heap?.runtime === 'jvm' && heap.bytes !== undefined) ? findCgroupBlindJvm(ev, container, killed, limit) : undefined;
  const sized: Pick<UnsetLimitSizing, 'clause' | 'evidence' | 'told' | 'cause' | 'action' | 'fix'> | undefined = unset ?? blind;
  if (split) evidence.push(`OOM kills only on ${split.where}; the same revision and limit run fine elsewhere`);
  if (sized) evidence.push(...sized.evidence);
  const told = sized?.told ?? split?.told;
  if (told !== undefined) evidence.push(`log: ${told}`);
  const tmpfsFix = tmpfs.length > 0 ? `move ${tmpfs.map((m) => m.mountPath).join(', ')} off memory (an emptyDir without medium: Memory), or raise the limit to hold the process and the files written there` : undefined;
  const hpaFix = hpa ? `lower HPA ${hpa.hpa.name}'s memory target below the limit (e.g. ${Math.min(90, Math.max(50, hpa.limitPercent - 30))}% of the request) or scale on CPU or requests per second, and give the pods headroom` : undefined;
  const nextAction = hpaFix !== undefined && sourceFix === undefined ? `Fix: ${hpaFix}. A restart only brings the same kills back.`
    : pool && sourceFix === undefined ? pool.action
    : replayed ? replayed.action : sized ? sized.action : split ? split.action : off && sourceFix === undefined ? off.action : sourceFix !== undefined
    ? `Mitigate: ${sourceFix}${heapTooBig && heap ? `; or size ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} from the limit (~75%)` : ''}. A restart only brings the same limit back.`
    : tmpfsFix !== undefined && !heapTooBig
    ? `Mitigate: ${tmpfsFix}. A restart only empties it until the next large file.`
    : heapTooBig && heap
    ? `Mitigate: set ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} to about 75% of the limit${limitBytes ? ` (${formatBytes(limitBytes * 0.75)})` : ''}, or raise the limit above the heap plus ~25% for the runtime's own memory. A restart only resets the clock.`
    : limit
    ? `Mitigate: raise the memory limit of ${container.name}${limitBytes ? ` (e.g. ${limit} → ${formatBytes(limitBytes * 1.5)})` : ''}. ` +
      `A restart only resets the clock. Then find the growth (memory graph over time, heap profile).`
    : `Mitigate: set a memory request and limit for ${container.name} that match its real use so the scheduler places it ` +
      `where the memory exists; check what else on the node is using memory.`;

  const status = first.ref.init ? 'initContainerStatuses' : 'containerStatuses';
  const pod = first.ref.pod.name;
  return {
    id: `oom-killed/${container.name}`,
    kind: 'oom-killed',
    // Many times the CPUs of the healthy pods' nodes: where is the mechanism, so the title says it.
    title: sized ? `${title}: ${sized.clause}` : split?.cpuSized !== undefined ? `${title}, only on ${split.cpuSized}: ${split.workers ?? 'memory grows with the core count'}` : title,
    ...(split?.cpuSized !== undefined || (sized && split) ? { scopedTo: split?.where ?? '' } : {}),
    layer: 'container/process',
    severity: recentPods.length > 0 ? severityForPods(ev, recentPods.length) : 'info',
    confidence: 'high',
    evidence,
    likelyCause: (origin ? `${explainOrigin(origin, ns)} ` : '') + (tmpfs.length > 0 && !pool ? explainMemoryMounts(tmpfs, limit) : '') + (pool ? pool.cause : replayed ? replayed.cause : sized ? sized.cause : hpa ? `The HPA reads memory utilization as a percentage of the request, averaged over the pods; its ${hpa.target}% target needs ${formatBytes(hpa.targetBytes)} per pod, but the ${limit ?? ''} limit stops a pod at ${hpa.limitPercent}%. When the load grows, each pod's memory rises to the limit and the kernel kills it while the average stays below the target, so the HPA stays at its replica count instead of spreading the load.` : split ? split.cause : off ? off.cause : heapTooBig && heap ? `${heap.flag} (${heap.where}) sizes the heap at or above the container's ${limit ?? ''} limit: as the heap fills, the container passes its limit and the kernel kills it before the runtime's garbage collector ever has to work hard. ${likelyCause}` : likelyCause),
    nextAction,
    fix: hpaFix !== undefined && sourceFix === undefined ? hpaFix : pool && sourceFix === undefined ? pool.fix : replayed ? replayed.fix : sized ? sized.fix : split ? split.fix : off && sourceFix === undefined ? off.fix : sourceFix !== undefined ? `${sourceFix}${heapTooBig && heap ? `, or size ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} from the limit (~75%)` : ''}` : tmpfsFix !== undefined && !heapTooBig ? tmpfsFix : heapTooBig && heap ? `size ${heap.flag.replace(/[=\d]+[a-z]*$/i, '')} below the limit (~75%) or raise the limit` : limit ? `raise the memory limit or find what grows` : 'set a memory request and limit',
    confirmCommands: [
      describePodCommand(ev.target, pod),
      formatKubectl(ev.target, `get pod ${pod} -o jsonpath='{.status.${status}[?(@.name=="${container.name}")].lastState.terminated}'`),
      formatKubectl(ev.target, `top pod ${pod} --containers`),
      previousLogsCommand(ev.target, pod, container.name),
    ],
    // The pool fills from the server's start: the change that sized it came before the pods began, not before the first kill.
    ...(pool ? { onset: earliest(killed.map((p) => p.startTime ?? p.createdAt ?? ev.collectedAt)), buildsUp: pool.buildsUp, latent: pool.buildsUp, ...(pool.rollbackUndoes ? { rollbackUndoes: pool.rollbackUndoes } : {}) } : {}),
    affected: { pods, nodes, ...(pool?.configMap !== undefined ? { configMaps: [pool.configMap] } : {}) },
  };
}

/**
 * The replay every killed run died in, per pod, when each log read of a killed run (the previous
 * log, or the current one of a container still terminated) ends in one; none when any does not.
 */
function findReplayDeaths(ev: TriageEvidence, hits: readonly OomHit[]): { pod: string; replay: StartupReplay }[] | undefined {
  const found: { pod: string; replay: StartupReplay }[] = [];
  for (const { ref } of hits) {
    const log = findLog(ev, ref.pod.name, ref.container.name);
    const killedRun = log !== undefined && (log.previous || (ref.container.state !== undefined && 'terminated' in ref.container.state));
    if (!killedRun || log.lines.length === 0) continue;
    const replay = findStartupReplay(log.lines);
    if (replay === undefined) return undefined;
    found.push({ pod: ref.pod.name, replay });
  }
  return found.length > 0 ? found : undefined;
}
