import type { TriageEvidence } from '../evidence.js';
import { CPU_STARVED, PROBE_TIMEOUT, describeCpuRestore, describeRequestChange, findCpuLimitCut, type CpuLimitCut } from '../cpu-limit-cut.js';
import { condenseStructuredLine, eventContainer, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatPodShare, isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findProcessorSizedPool, type ProcessorSizedPool } from '../processor-sized-pool.js';
import { parseQuantity } from '../quantity.js';
import { formatAgo } from '../time-span.js';

/**
 * A CPU limit cut by a revision, which the pods feel only under load: the CFS quota throttles
 * them, garbage-collection pauses stretch to seconds, thread pools starve and the probes time
 * out, though nothing crashes and memory is fine. The cut may be hours older than the symptoms
 * (rightsizing done at night meets the next peak), so the analyzer looks for the revision that
 * lowered the limit the failing pods run with, however old, and ties it to starvation that the
 * runtime logs and to probe timeouts.
 */

/** A JVM stop-the-world pause (unified GC logging): "GC(4978) Pause Full (Allocation Failure) 1003M->402M(1012M) 4121.907ms". */
const GC_PAUSE = /\bPause (?:Young|Full|Mixed|Remark|Cleanup|Initial Mark)\b.*?(\d+(?:\.\d+)?)ms\b/;
/** A pause this long is starvation, not a busy collector. */
const LONG_PAUSE_MS = 1000;
/** The JVM's collector choice when it sees fewer than two CPUs. */
const SERIAL_GC = /\[gc\S*\s*\]\s*Using Serial\b|\bUsing Serial\b/;

export function analyzeCpuStarved(ev: TriageEvidence): Finding[] {
  const findings: Finding[] = [];
  const names = unique(ev.pods.flatMap((p) => p.containers.map((c) => c.name)));
  for (const name of names) {
    const pods = ev.pods.filter((p) => p.deletionTimestamp === undefined && p.containers.some((c) => c.name === name && c.resources.limits['cpu'] !== undefined));
    const cut = findCpuLimitCut(ev, pods, name);
    if (cut === undefined) continue;
    const lines = ev.logs.filter((l) => l.container === name && pods.some((p) => p.name === l.pod));
    const pauses = lines.flatMap((l) => l.lines.flatMap((line) => {
      const ms = Number(GC_PAUSE.exec(line)?.[1] ?? 0);
      return ms >= LONG_PAUSE_MS ? [{ pod: l.pod, line, ms }] : [];
    }));
    const starved = lines.flatMap((l) => l.lines.filter((line) => CPU_STARVED.test(line)).map((line) => ({ pod: l.pod, line })));
    const timeouts = listPodEvents(ev, ['Unhealthy'], pods.map((p) => p.name)).filter((e) => PROBE_TIMEOUT.test(e.message) && (eventContainer(e) ?? name) === name);
    // A pool the process sized from the processors the cut left it, with work queued on it.
    const sized = findSizedPools(lines, cut.before, cut.after);
    // Starvation the runtime reports is the signal; probe timeouts alone could be any slowness.
    if (pauses.length + starved.length + sized.length === 0) continue;
    const hit = unique([...pauses, ...starved, ...sized].map((x) => x.pod).concat(timeouts.map((e) => e.object.name)));
    const affected = pods.filter((p) => hit.includes(p.name));
    const unhealthy = affected.filter((p) => !isPodHealthy(p, ev.collectedAt));
    const longest = [...pauses].sort((a, b) => b.ms - a.ms)[0];
    const probes = unique(timeouts.map((e) => /^(\w+)/.exec(e.message)?.[1]?.toLowerCase() ?? 'probe'));
    const signs = [
      ...(longest ? [`GC pauses up to ${(longest.ms / 1000).toFixed(1)}s`] : []),
      ...(starved.length > 0 ? [`thread starvation (${starved.length} line${starved.length === 1 ? '' : 's'})`] : []),
    ];
    const logPods = unique([...pauses, ...starved, ...sized].map((x) => x.pod)).length;
    const probeText = timeouts.length > 0 ? `, ${probes.join(' and ')} probes time out on ${formatPodShare(ev, unique(timeouts.map((e) => e.object.name)).length)}` : '';
    const serial = lines.some((l) => l.lines.some((line) => SERIAL_GC.test(line)));
    const request = describeRequestChange(cut);
    const when = formatAgo(cut.revision.createdAt, ev.collectedAt);
    const restore = describeCpuRestore(cut);
    const pool = sized[0]?.pool;
    if (pool !== undefined && pauses.length + starved.length === 0) {
      findings.push(describeSizedPool(ev, name, cut, sized, pool, { when, request, restore, probeText, affected, unhealthy: unhealthy.length, timeouts: timeouts.length }));
      continue;
    }
    findings.push({
      id: `cpu-starved/${name}`,
      kind: 'cpu-starved',
      title: `Container ${name} is starved of CPU since revision ${cut.revision.revision} (${when}) cut its CPU limit ${cut.before} → ${cut.after}${request}: ${signs.join(' and ')} in the logs of ${logPods} pod${logPods === 1 ? '' : 's'}${probeText}`,
      datesChange: true,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: timeouts.length > 0 ? 'high' : 'medium',
      evidence: [
        `revision ${cut.revision.revision} (${when}${cut.revision.changeCause ? `, "${cut.revision.changeCause}"` : ''}): ${name} cpu limit ${cut.before} → ${cut.after}${request}`,
        ...(longest ? [`log ${longest.pod}: ${condenseStructuredLine(longest.line.trim()).slice(0, 200)}`] : []),
        ...starved.slice(0, 1).map((s) => `log ${s.pod}: ${condenseStructuredLine(s.line.trim()).slice(0, 200)}`),
        ...(serial ? ['the JVM chose the Serial collector: it sees fewer than two CPUs'] : []),
        `${unhealthy.length}/${affected.length} of these pods not ready or restarting now`,
      ],
      decisive: condenseStructuredLine((longest?.line ?? starved[0]?.line ?? '').trim()).slice(0, 200),
      likelyCause:
        `With a CPU limit of ${cut.after} the kernel's CFS quota throttles the container whenever it needs more: under load, garbage collection and request threads wait for CPU, ` +
        `pauses stretch to seconds and the health endpoint misses the probe's timeout. The limit was ${cut.before} before revision ${cut.revision.revision}; the cut shows only when traffic rises, so it can be hours older than the symptoms.`,
      nextAction: `Mitigate: ${restore}${cut.before === 'none' ? '' : ', or remove the limit'}. Do not relax the probes to hide it; restarting will not help.`,
      fix: restore,
      confirmCommands: [
        formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${cut.revision.revision}`),
        formatKubectl(ev.target, `top pod ${affected[0]?.name ?? ''} --containers`),
      ],
      affected: { pods: affected.map((p) => p.name), nodes: listNodesOf(affected) },
    });
  }
  return findings;
}

/** The CPUs a runtime counts under a limit: the limit rounded up, at least one. */
function processorsUnder(limit: string): number | undefined {
  const cpus = parseQuantity(limit);
  return cpus === undefined ? undefined : Math.max(1, Math.ceil(cpus));
}

/** Per pod's log, a pool sized to the processors the new limit leaves, and fewer than the old one gave. */
function findSizedPools(logs: readonly { pod: string; lines: string[] }[], before: string, after: string): { pod: string; pool: ProcessorSizedPool }[] {
  const now = processorsUnder(after);
  const was = before === 'none' ? Infinity : processorsUnder(before);
  if (now === undefined || was === undefined || was <= now) return [];
  return logs.flatMap((l) => {
    const pool = findProcessorSizedPool(l.lines, now);
    return pool === undefined ? [] : [{ pod: l.pod, pool }];
  });
}

interface Told {
  when: string;
  request: string;
  restore: string;
  probeText: string;
  affected: readonly { name: string; nodeName?: string }[];
  unhealthy: number;
  timeouts: number;
}

/** The cut told through the pool it shrank: the runtime sees fewer processors, its pool has fewer workers, work queues. */
function describeSizedPool(ev: TriageEvidence, name: string, cut: CpuLimitCut, sized: readonly { pod: string; pool: ProcessorSizedPool }[], pool: ProcessorSizedPool, t: Told): Finding {
  const waits = sized.reduce((n, s) => n + s.pool.waits, 0);
  const jvm = /ForkJoin|availableProcessors|ActiveProcessorCount|common[ -]?pool/i.test(pool.line);
  const named = pool.pool ?? 'its thread pool';
  const processors = `${pool.size} processor${pool.size === 1 ? '' : 's'}`;
  const fix = `${t.restore}${jvm ? ', or size the pool apart from the limit (-XX:ActiveProcessorCount, or a dedicated executor for the blocking calls)' : ', or size the pool apart from the limit'}`;
  const affectedPods = ev.pods.filter((p) => t.affected.some((a) => a.name === p.name));
  return {
    id: `cpu-starved/${name}`,
    kind: 'cpu-starved',
    title: `Container ${name}'s ${named} is sized to ${processors} since revision ${cut.revision.revision} (${t.when}) cut its CPU limit ${cut.before} → ${cut.after}${t.request}: ${jvm ? 'the JVM counts the limit as its available processors, so ' : ''}work queues behind ${pool.size === 1 ? 'one worker' : `${pool.size} workers`} and times out (${waits} line${waits === 1 ? '' : 's'} in the logs of ${sized.length} pod${sized.length === 1 ? '' : 's'})${t.probeText}`,
    datesChange: true,
    layer: 'capacity',
    severity: t.unhealthy > 0 ? severityForPods(ev, t.unhealthy) : 'warning',
    confidence: 'high',
    evidence: [
      `revision ${cut.revision.revision} (${t.when}${cut.revision.changeCause ? `, "${cut.revision.changeCause}"` : ''}): ${name} cpu limit ${cut.before} → ${cut.after}${t.request}`,
      `log ${sized[0]?.pod ?? ''}: ${condenseStructuredLine(pool.line).slice(0, 240)}`,
      `log ${sized[0]?.pod ?? ''}: ${condenseStructuredLine(pool.waitLine).slice(0, 240)}`,
      `${t.unhealthy}/${t.affected.length} of these pods not ready or restarting now`,
    ],
    decisive: condenseStructuredLine(pool.line).slice(0, 200),
    likelyCause:
      (jvm
        ? `The JVM takes Runtime.availableProcessors() from the container's CPU limit: under a limit of ${cut.after} it sees ${processors}, and the pools sized from that count shrink with it — ForkJoinPool.commonPool (parallelism = processors − 1, at least 1), which CompletableFuture.supplyAsync and parallel streams use when given no executor, among them. `
        : `The process sizes ${named} from the CPUs it sees, and under a limit of ${cut.after} that is ${processors}. `) +
      `Blocking calls run on that pool hold its ${pool.size === 1 ? 'only worker' : 'workers'}, so the rest queue behind each other and hit their timeouts while the dependencies answer in time${t.timeouts > 0 ? '; the health endpoint waits with them and the probes time out' : ''}. ` +
      `The limit was ${cut.before} before revision ${cut.revision.revision}; the queueing shows under load, so it can be hours older than the symptoms. A rollback of the dependencies or a restart changes nothing.`,
    nextAction: `Mitigate: ${t.restore}. Then ${jvm ? 'give the blocking calls their own executor (or set -XX:ActiveProcessorCount) so the pool no longer follows the limit' : 'size the pool apart from the CPU limit'}. Do not relax the timeouts or probes to hide it.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${cut.revision.revision}`),
      formatKubectl(ev.target, `logs ${sized[0]?.pod ?? ''} -c ${name} --tail=200`),
    ],
    affected: { pods: affectedPods.map((p) => p.name), nodes: listNodesOf(affectedPods) },
  };
}
