import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { ContainerSpecEvidence } from '../evidence-pod.js';
import type { Finding } from '../finding.js';
import { describeHeapCut, findHeapCut } from '../heap-cut.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { parseQuantity } from '../quantity.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { describeHeap, findHeapSetting, findJvmPoolCap, formatSize } from '../runtime-flags.js';
import { earliest, formatAgo } from '../time-span.js';

/**
 * A JVM that threw java.lang.OutOfMemoryError and lives on: without -XX:+ExitOnOutOfMemoryError
 * the error only ends the thread it hit (a request, a message listener), the heap cap keeps the
 * process under its container limit, so the kernel kills nothing, the health endpoint answers and
 * the pod stays Ready. One such line is a failure, however few error lines the log holds: the
 * work that hit it failed, and a consumer whose listener container stops on it consumes nothing
 * more until the pod restarts. Direct buffer memory and native threads are limits of their own
 * (resource-exhaustion.ts); this reads the heap and the class-metadata pools.
 */

/** The pool an OutOfMemoryError names: the heap (its three messages) or a class-metadata pool. */
const JVM_OOM = /java\.lang\.OutOfMemoryError: (Java heap space|GC overhead limit exceeded|Requested array size exceeds VM limit|Metaspace|Compressed class space)/;
/** The JVM exits on it (ExitOnOutOfMemoryError, CrashOnOutOfMemoryError): the crash readings tell that. */
const EXITS = /Terminating due to java\.lang\.OutOfMemoryError|Aborting due to java\.lang\.OutOfMemoryError/;
const EXIT_FLAG = /-XX:\+(Exit|Crash)OnOutOfMemoryError/;
/** What a message listener container logs when an Error stops it (Spring Kafka, Spring AMQP): the consumer is gone, the process is not. */
const CONSUMER_STOPPED = /Stopping container due to an Error|Fatal consumer exception; stopping container|\bConsumer stopped\b|Stopping container from aborted consumer|listener container (?:has )?stopped|stopped consuming/i;

interface Hit {
  log: LogEvidence;
  pod: PodEvidence;
  /** The line that names the pool. */
  line: string;
  pool: string;
  count: number;
  /** When it was thrown: the stamp of the line, or of the nearest stamped line before it. */
  at?: string;
  /** The line that says the consumer stopped on it. */
  stopped?: string;
}

function readHit(log: LogEvidence, pod: PodEvidence): Hit | undefined {
  if (log.lines.some((l) => EXITS.test(l))) return undefined;
  const idx = log.lines.map((l, i) => (JVM_OOM.test(l) ? i : -1)).filter((i) => i >= 0);
  const first = idx[0];
  if (first === undefined) return undefined;
  const line = (log.lines[first] ?? '').trim();
  let at: string | undefined;
  for (let i = first; i >= Math.max(0, first - 3) && at === undefined; i--) at = readLineTime(log.lines[i] ?? '');
  const stopped = log.lines.find((l) => CONSUMER_STOPPED.test(l))?.trim();
  return { log, pod, line, pool: JVM_OOM.exec(line)?.[1] ?? '', count: idx.length, ...(at !== undefined ? { at } : {}), ...(stopped !== undefined ? { stopped } : {}) };
}

/** Whether the JVM is told to exit on an OutOfMemoryError, in the container's env or args. */
function exitsOnOom(c: ContainerSpecEvidence | undefined): boolean {
  const env = (c?.env ?? []).map((e) => ('value' in e ? e.value : ''));
  return [...env, ...(c?.args ?? []), ...(c?.command ?? [])].some((v) => EXIT_FLAG.test(v));
}

export function analyzeLiveJvmOom(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((log) => {
    const pod = log.previous ? undefined : findPod(ev, log.pod);
    const state = pod?.containers.find((c) => c.name === log.container)?.state;
    if (pod === undefined || state === undefined || !('running' in state)) return [];
    const hit = readHit(log, pod);
    return hit === undefined ? [] : [hit];
  });
  const [first] = hits;
  if (first === undefined) return [];
  const container = first.log.container;
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = hits.map((h) => h.pod);
  const spec = first.pod.containers.find((c) => c.name === container);
  const heapPool = /Java heap|GC overhead|array size/.test(first.pool);
  const limitText = spec?.resources.limits['memory'];
  const limit = parseQuantity(limitText);
  const heap = heapPool && spec !== undefined ? findHeapSetting(spec) : undefined;
  const cap = !heapPool && spec !== undefined ? findJvmPoolCap(spec, first.pool) : undefined;
  const [newest] = sortRevisions(ev.revisions);
  const onNewest = newest !== undefined && podObjects.every((p) => p.revisionHash === undefined || p.revisionHash === newest.hash);
  const cut = heapPool && onNewest ? findHeapCut(ev.revisions, container) : undefined;
  const stopped = hits.filter((h) => h.stopped !== undefined);
  const ready = podObjects.filter((p) => p.ready).length;
  const exits = exitsOnOom(spec);
  const thrownAt = earliest(hits.flatMap((h) => h.at ?? []));
  const last = hits.flatMap((h) => h.at ?? []).sort().at(-1);
  const what = heapPool ? 'heap' : first.pool;

  const sized = cut !== undefined
    ? `revision ${cut.revision} cut the heap from ${cut.from} to ${cut.to} (${cut.was} → ${cut.flag}, ${cut.where}${cut.limitFrom ? `; memory limit ${cut.limitFrom} → ${cut.limitTo ?? ''}` : ''})`
    : heap !== undefined ? describeHeap(heap, limit)
      : cap !== undefined ? `${cap.flag} (${cap.where}) caps ${cap.what}${cap.bytes !== undefined ? ` at ${formatSize(cap.bytes)}` : ''}` : undefined;
  const who = `${pods.length} of ${ev.pods.length} pod${ev.pods.length === 1 ? '' : 's'}`;
  const stopSaid = stopped.length > 0
    ? `its consumer stopped on it in ${stopped.length === pods.length ? (pods.length === 1 ? 'that pod' : pods.length === 2 ? 'both' : `all ${pods.length}`) : `${stopped.length} of them`} ("${condenseStructuredLine(stopped[0]?.stopped ?? '').slice(0, 160)}"): the pods stay Ready and consume nothing`
    : `the pods stay Ready${exits ? '' : ' (no -XX:+ExitOnOutOfMemoryError)'} while what hit it fails`;
  const title = `${ev.target.name}'s JVM ran out of ${what} and lives on: java.lang.OutOfMemoryError: ${first.pool} in ${who}${last !== undefined ? ` (last ${formatAgo(last, ev.collectedAt)})` : ''}${sized ? `; ${sized}` : ''}; ${stopSaid}`;

  const survives = `Without -XX:+ExitOnOutOfMemoryError the JVM does not exit on it: the error ends only the thread it hit, the ${heapPool ? 'heap cap (-Xmx) keeps the process under its container limit' : 'pool cap is far below the container limit'}, so the kernel kills nothing, the health endpoint still answers, the pods stay Ready and nothing restarts them.`;
  const consumerSays = stopped.length > 0 ? ' A message listener container that an Error reaches stops (Spring Kafka: "Stopping container due to an Error") and leaves its consumer group: its partitions move to the other pods, which meet the same record and stop too, until nothing consumes while every pod looks healthy.' : '';
  const likelyCause = cut !== undefined
    ? `Revision ${cut.revision} cut the JVM heap from ${cut.from} to ${cut.to} (${cut.was} → ${cut.flag} in ${cut.where}${cut.limitFrom ? `, memory limit ${cut.limitFrom} → ${cut.limitTo ?? ''}` : ''}). Ordinary work fits; the largest (a big message, document or batch) no longer does, and the JVM throws java.lang.OutOfMemoryError: ${first.pool}. ${survives}${consumerSays}`
    : `The JVM ran out of ${heapPool ? `its heap${heap?.bytes !== undefined ? ` (${formatSize(heap.bytes)}, ${heap.flag})` : ''}` : `${first.pool}${cap ? `, which ${cap.flag} caps` : ''}`}: the work it was doing needed more than that (a large input, or something that grows). ${survives}${consumerSays}`;
  const restart = `restart the pods${stopped.length > 0 ? ': a stopped consumer does not start again by itself' : ': a JVM that threw OutOfMemoryError may be left in a broken state'}`;
  const guard = exits ? '' : ` Add -XX:+ExitOnOutOfMemoryError so the next one restarts the container instead of leaving it Ready${stopped.length > 0 ? ' and idle, and make the health check cover the consumer' : ''}.`;
  const nextAction = cut !== undefined
    ? `Give the heap back: set ${cut.flag.replace(/\d+[kmgt]?$/i, '')} back to ${cut.was.replace(/^-Xmx/, '')}${cut.limitFrom ? ` with the ${cut.limitFrom} memory limit` : ''} (revision ${cut.previous}'s values) or size it to the largest work, then ${restart}.${guard}`
    : heapPool
      ? `Raise ${heap?.flag ?? 'the heap (-Xmx)'} within the memory limit${limitText ? ` (${limitText})` : ''}, or find what fills the heap (-XX:+HeapDumpOnOutOfMemoryError), then ${restart}.${guard}`
      : `${cap ? `Raise or remove ${cap.name} in ${cap.where.replace(/^env /, '')}` : `Find what fills ${first.pool} (a class-loader leak)`}, then ${restart}.${guard}`;
  const fix = cut !== undefined ? `give the heap back (${cut.was}${cut.limitFrom ? ` with the ${cut.limitFrom} memory limit` : ''}) and restart; add -XX:+ExitOnOutOfMemoryError` : heapPool ? `raise the heap (${heap?.flag ?? '-Xmx'}) within the memory limit and restart` : `raise ${cap?.name ?? `the ${first.pool} cap`} and restart`;
  // The heap is set when the JVM starts: the largest work meets a cut heap whenever it comes.
  const onset = cut !== undefined ? earliest(podObjects.map((p) => p.startTime ?? p.createdAt)) : thrownAt;

  return [
    {
      id: `heap-pressure/oom/${container}`,
      kind: 'heap-pressure',
      title,
      layer: 'container/process',
      severity: stopped.length > 0 ? severityForPods(ev, stopped.length) : 'warning',
      confidence: sized !== undefined || stopped.length > 0 ? 'high' : 'medium',
      evidence: [
        ...hits.slice(0, 3).map((h) => `log ${h.log.pod}: ${h.line.slice(0, 300)}${h.at ? ` (${formatAgo(h.at, ev.collectedAt)})` : ''}${h.count > 1 ? `, ${h.count} times` : ''}`),
        ...stopped.slice(0, 2).map((h) => `log ${h.log.pod}: ${(h.stopped ?? '').slice(0, 300)}`),
        ...(heap !== undefined ? [describeHeap(heap, limit)] : []),
        ...(cut !== undefined ? [describeHeapCut(cut)] : []),
        `${ready}/${podObjects.length} of these pods Ready, ${podObjects.filter((p) => p.containers.some((c) => c.restartCount > 0)).length} restarted; ${exits ? 'the JVM is set to exit on OutOfMemoryError' : 'no -XX:+ExitOnOutOfMemoryError in the container\'s env or args'}`,
      ],
      decisive: `java.lang.OutOfMemoryError: ${first.pool}`,
      likelyCause,
      nextAction,
      fix,
      ...(cut !== undefined ? { latent: 'the heap is set when the JVM starts, and the largest work meets a cut heap whenever it comes, hours after the rollout' } : {}),
      ...(onset !== undefined ? { onset } : {}),
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${container} --tail=300`), formatKubectl(ev.target, 'top pods --containers')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
