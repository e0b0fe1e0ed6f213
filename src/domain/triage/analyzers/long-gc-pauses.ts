import type { ContainerSpecEvidence, IsoTime, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatGcMs, fullGcOccupancy } from '../gc-pressure.js';
import type { GcPressure } from '../gc-pressure.js';
import { findHeapRaise } from '../heap-cut.js';
import type { HeapCut } from '../heap-cut.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import type { HeapSetting } from '../runtime-flags.js';
import { formatSize } from '../runtime-flags.js';
import { findCollector, findSessionLoss, findSessionTimeout } from '../session-loss.js';
import type { SessionLoss, SessionTimeout } from '../session-loss.js';
import { earliest } from '../time-span.js';
import { truncate } from '../../text.js';

/**
 * Long stop-the-world pauses are not heap pressure. A JVM short of heap collects again and again
 * and frees little; a JVM with a big heap that is NOT full can still stop for many seconds per
 * full collection under a throughput collector (Parallel, Serial), because it marks and compacts
 * the whole old generation at once — and a bigger heap makes each pause longer. What breaks is
 * whatever cannot wait that long: a session with a coordinator (ZooKeeper, a Kafka group, an etcd
 * lease) whose timeout is shorter than the pause. Raising the heap makes this worse; the fixes are
 * a low-pause collector, a smaller heap, or a timeout above the worst pause.
 */

interface Hit {
  log: LogEvidence;
  line: string;
  gc: GcPressure;
}

export interface LongPauseInput {
  ev: TriageEvidence;
  hits: readonly Hit[];
  pods: readonly string[];
  podObjects: readonly PodEvidence[];
  container: string;
  spec: ContainerSpecEvidence | undefined;
  heap: HeapSetting | undefined;
  onNewest: boolean;
}

/** A full collection that leaves the heap at most this full found room: the heap is not short. */
const ROOMY_AFTER_FULL = 0.75;
/** A pause monitor measures roughly: a pause this close to the timeout can already cost the session. */
const NEAR_TIMEOUT = 0.9;

/** What the heap looked like after full collections in these pods' logs: the fullest share left, when any were logged. */
function readFullGcs(ev: TriageEvidence, pods: readonly string[]): number | undefined {
  const shares = ev.logs.filter((l) => pods.includes(l.pod) && !l.previous).flatMap((l) => l.lines.flatMap((x) => fullGcOccupancy(x) ?? []));
  return shares.length > 0 ? Math.max(...shares) : undefined;
}

/**
 * The reading when the GC lines report long pauses only (nothing says the heap is full), and
 * either the pods lost a coordinator session or their full collections leave the heap roomy;
 * undefined when it is not this (then it may well be pressure).
 */
export function describeLongGcPauses(x: LongPauseInput): Finding | undefined {
  const { ev, hits, pods, podObjects, container, spec, heap } = x;
  if (!hits.every((h) => h.gc.pauseOnly)) return undefined;
  const fullest = readFullGcs(ev, pods);
  if (fullest !== undefined && fullest > ROOMY_AFTER_FULL) return undefined;
  const own = ev.logs.filter((l) => pods.includes(l.pod) && !l.previous).flatMap((l) => l.lines);
  const loss = findSessionLoss(own);
  const worstMs = Math.max(...hits.map((h) => h.gc.ms));
  const timeout = loss === undefined ? undefined : findSessionTimeout(spec, ev.logs.flatMap((l) => l.lines));
  // A timeout well above the worst pause is not what the pause breaks: leave it to other readings.
  const lost = loss !== undefined && (timeout === undefined || worstMs >= timeout.ms * NEAR_TIMEOUT) ? loss : undefined;
  if (lost === undefined && fullest === undefined) return undefined;
  const raise = x.onNewest ? findHeapRaise(ev.revisions, container) : undefined;
  const collector = findCollector(spec);
  const example = [...hits].sort((a, b) => b.gc.ms - a.gc.ms)[0] as Hit;
  const scope = `in ${pods.length}/${ev.pods.length} pods`;
  const onset = raise !== undefined ? earliest(podObjects.map((p) => p.startTime ?? p.createdAt)) : earliest(hits.map((h) => readLineTime(h.line)));

  const title = `${lost !== undefined ? `${lost.mechanism} ${scope}: ${pausesVersusTimeout(worstMs, lost, timeout)}` : `Long JVM GC pauses ${scope}: stop-the-world pauses of up to ${formatGcMs(worstMs)} on a heap that is not full`}${describeTrigger(raise, heap, collector)}`;
  const heapSaid = raise !== undefined ? `Revision ${raise.revision} raised the JVM heap from ${raise.from} to ${raise.to} (${raise.was} → ${raise.flag} in ${raise.where}${raise.limitFrom ? `, memory limit ${raise.limitFrom} → ${raise.limitTo ?? ''}` : ''})${collector ? ` and kept ${collector}` : ''}. ` : '';
  const collectorSaid = collector !== undefined && /Parallel|Serial/i.test(collector)
    ? `${collector} is a throughput collector: it stops the world to collect the whole old generation at once, so the bigger the heap, the longer each full collection. `
    : 'A full collection stops the world for as long as it takes to go through the old generation, so the bigger the heap, the longer each pause. ';
  const roomSaid = fullest !== undefined ? `The heap is not short: full collections leave it at most ${Math.round(fullest * 100)}% full. ` : '';
  const lossSaid = lost !== undefined
    ? `The pauses (up to ${formatGcMs(worstMs)}) outlast the ${timeout !== undefined ? `${formatGcMs(timeout.ms)} ` : ''}${lost.coordinator} session timeout: the process cannot heartbeat while paused, so ${lost.coordinator} drops its session ("${lost.quote}")${lost.consequence !== undefined ? ` and the app gives up what it held with it ("${lost.consequence}")` : ''}. `
    : 'Every request, heartbeat and probe waits out each pause. ';
  const likelyCause = `${heapSaid}${collectorSaid}${roomSaid}${lossSaid}The pods stay Running and Ready, so Kubernetes sees nothing wrong.`;
  const timeoutSaid = timeout !== undefined && timeout.where.startsWith('env') ? ` (${timeout.where.slice(4)})` : '';
  const nextAction = `Shorten the pauses: ${raise !== undefined ? `roll back to revision ${raise.previous} (${raise.was}), or ` : ''}switch to a low-pause collector (-XX:+UseG1GC with -XX:MaxGCPauseMillis, or ZGC)${lost !== undefined ? `, or raise the ${lost.coordinator} session timeout${timeoutSaid} above the worst pause` : ''}. Do not raise the heap: a bigger heap makes each full collection longer.`;
  const fix = `a low-pause collector (G1 with a pause target, or ZGC)${raise !== undefined ? `, or the smaller heap (${raise.was})` : ', or a smaller heap'}${lost !== undefined ? `, or a ${lost.coordinator} session timeout above the worst pause` : ''}`;

  return {
    id: `heap-pressure/${container}`,
    kind: 'heap-pressure',
    title,
    layer: 'container/process',
    severity: 'warning',
    confidence: lost !== undefined && (raise !== undefined || pods.length >= 2) ? 'high' : 'medium',
    evidence: [
      `${hits.length} long GC pause lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}, the longest ${formatGcMs(worstMs)}`,
      `log ${example.log.pod}: ${truncate(condenseStructuredLine(example.line.trim()), 300)}`,
      ...(lost !== undefined ? [`${lost.count} lines in these pods' logs say the ${lost.coordinator} session was lost: "${lost.quote}"`] : []),
      ...(lost?.consequence !== undefined ? [`then: "${lost.consequence}"`] : []),
      ...(timeout !== undefined ? [`session timeout ${formatGcMs(timeout.ms)} (${timeout.where})`] : []),
      ...(fullest !== undefined ? [`full collections leave the heap at most ${Math.round(fullest * 100)}% full: the heap is not short`] : []),
      ...(heap !== undefined ? [`${heap.flag} (${heap.where}) sets the JVM heap${heap.bytes !== undefined ? ` to ${formatSize(heap.bytes)}` : ''}${collector !== undefined ? `, collector ${collector}` : ''}`] : []),
      ...(raise !== undefined ? [`revision ${raise.revision} raised the heap ${raise.was} → ${raise.flag} (${raise.where}); revision ${raise.previous} ran with ${raise.from}`] : []),
      `${podObjects.filter((p) => p.ready).length}/${podObjects.length} of these pods Ready, ${podObjects.filter((p) => p.containers.some((c) => c.restartCount > 0)).length} restarted`,
    ],
    decisive: lost !== undefined ? `${example.gc.said}; ${lost.said}` : example.gc.said,
    likelyCause,
    nextAction,
    fix,
    ...(raise !== undefined ? { latent: 'the heap is set when the JVM starts and a full collection comes only once the old generation fills, so pauses that show late still come from the revision that started the JVM' } : {}),
    ...(onset !== undefined ? { onset: onset as IsoTime } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${container} --tail=200`)],
    affected: { pods: [...pods], nodes: listNodesOf(podObjects) },
  };
}

/** "GC pauses of up to 14s exceed the 10s session timeout (env SESSION_TIMEOUT_MS)". */
function pausesVersusTimeout(worstMs: number, lost: SessionLoss, timeout: SessionTimeout | undefined): string {
  if (timeout === undefined) return `GC pauses of up to ${formatGcMs(worstMs)} outlast the ${lost.coordinator} session timeout`;
  return `GC pauses of up to ${formatGcMs(worstMs)} exceed the ${formatGcMs(timeout.ms)} ${lost.coordinator} session timeout (${timeout.where})`;
}

/** ", on a heap raised 1Gi → 8Gi (-Xmx1g → -Xmx8g, env JAVA_OPTS) under ParallelGC", or the heap as it is. */
function describeTrigger(raise: HeapCut | undefined, heap: HeapSetting | undefined, collector: string | undefined): string {
  const under = collector !== undefined ? ` under ${collector}` : '';
  if (raise !== undefined) return `, on a heap raised ${raise.from} → ${raise.to} (${raise.was} → ${raise.flag}, ${raise.where})${under}`;
  return heap?.bytes !== undefined ? `, with a ${formatSize(heap.bytes)} heap (${heap.flag}, ${heap.where})${under}` : '';
}
