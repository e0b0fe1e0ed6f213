import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatGcMs, parseGcPressure, SUSTAINED_GC_LINES } from '../gc-pressure.js';
import type { GcPressure } from '../gc-pressure.js';
import { describeHeapCut, findHeapCut } from '../heap-cut.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { findHeapSetting, formatSize } from '../runtime-flags.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest } from '../time-span.js';
import { truncate } from '../../text.js';
import { describeGoPressure } from './go-gc-pressure.js';
import { describeLongGcPauses } from './long-gc-pauses.js';

/**
 * The workload serves (its pods are Ready, nothing restarts) while its own JVM reports, again and
 * again, that it spends most of its time collecting garbage: the heap is too small for the work.
 * Nothing is killed (the JVM stays under its -Xmx), so there is no OOM to see; requests slow down
 * and a server that guards its heap (Elasticsearch's circuit breakers) refuses them instead,
 * which only its callers see. When the newest revision cut the heap, that cut is the trigger.
 */

export interface Hit {
  log: LogEvidence;
  line: string;
  gc: GcPressure;
}

/** Elasticsearch's parent breaker checks the heap before each request: its own lines say it is at the limit. */
const BREAKER = /HierarchyCircuitBreakerService|CircuitBreakingException|circuit_breaking_exception|Data too large/;
/** What a client logs when a server refuses it for load: HTTP 429, Elasticsearch's breaker and queue rejections. */
const REFUSED = /circuit_breaking_exception|CircuitBreakingException|Data too large|es_rejected_execution_exception|\b429\b|Too Many Requests/i;
/** Elasticsearch and OpenSearch name themselves in their loggers and GC lines. */
const SEARCH_ENGINE = /org\.(elasticsearch|opensearch)\.|JvmGcMonitorService|\[gc\]\[/;

/** A monitor may count more collecting than wall time (parallel threads): "nearly all of it", not "113%". */
export function percent(share: number): string {
  return share >= 0.95 ? 'nearly all' : `${Math.round(share * 100)}%`;
}

/** What the refusal was, in the server's words: "HTTP 429 circuit_breaking_exception". */
function nameRefusal(line: string): string {
  if (/circuit_breaking_exception|CircuitBreakingException|Data too large/i.test(line)) return 'HTTP 429 circuit_breaking_exception';
  if (/es_rejected_execution_exception/i.test(line)) return 'HTTP 429 es_rejected_execution_exception';
  return 'HTTP 429';
}

/** The callers the bot read (their env names the workload's Service) that logged refused requests, the refusal quoted first. */
function describeRefusingCallers(ev: TriageEvidence): { lines: string[]; refusal?: string } {
  let refusal: string | undefined;
  const lines = (ev.serviceCallers ?? []).flatMap((c) => {
    const refused = (c.log?.lines ?? []).filter((l) => REFUSED.test(l));
    if (c.log === undefined || refused.length === 0) return [];
    const newest = condenseStructuredLine(refused.at(-1)?.trim() ?? '');
    refusal ??= nameRefusal(newest);
    // From just before the refusal's own words: a long line is clipped where it is shown.
    const at = Math.max(0, (REFUSED.exec(newest)?.index ?? 0) - 30);
    const quote = truncate(`${at > 0 ? '…' : ''}${newest.slice(at)}`, 260);
    return [`caller ${c.owner ?? `pod ${c.pod}`} logged ${refused.length} refused request${refused.length === 1 ? '' : 's'} in its last ${c.log.lines.length} log lines: "${quote}" (pod ${c.pod}, ${c.via})`];
  });
  return { lines, ...(refusal ? { refusal } : {}) };
}

/** "(95% of the 1Gi heap)" after a breaker line that gives the heap in use in bytes. */
function heapShare(line: string, heapBytes: number | undefined): string {
  const used = Number(/heap usage \[(\d+)\]|before \[(\d+)\]/.exec(line)?.slice(1).find((x) => x !== undefined) ?? NaN);
  if (heapBytes === undefined || !Number.isFinite(used) || used <= 0) return '';
  return ` (${Math.round((used / heapBytes) * 100)}% of the ${formatSize(heapBytes)} heap in use)`;
}

export function analyzeHeapPressure(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = [];
  for (const log of ev.logs) {
    if (log.previous || findPod(ev, log.pod) === undefined) continue;
    for (const line of log.lines) {
      const gc = parseGcPressure(line);
      if (gc) hits.push({ log, line, gc });
    }
  }
  // One long collection is a big query or a merge; again and again it is the heap.
  if (hits.length < SUSTAINED_GC_LINES) return [];
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = hits[0]?.log.container ?? '';
  const spec = podObjects[0]?.containers.find((c) => c.name === container);
  const heap = spec === undefined ? undefined : findHeapSetting(spec);
  const limit = spec?.resources.limits['memory'];
  const [newest] = sortRevisions(ev.revisions);
  const onNewest = newest !== undefined && podObjects.every((p) => p.revisionHash === undefined || p.revisionHash === newest.hash);
  const cut = onNewest ? findHeapCut(ev.revisions, container) : undefined;
  const shares = hits.flatMap((h) => (h.gc.share === undefined ? [] : [h.gc.share]));
  const worstShare = shares.length > 0 ? Math.max(...shares) : undefined;
  const worstMs = Math.max(...hits.map((h) => h.gc.ms));
  const example = [...hits].sort((a, b) => (b.gc.share ?? 0) - (a.gc.share ?? 0) || b.gc.ms - a.gc.ms)[0] as Hit;
  const search = hits.some((h) => SEARCH_ENGINE.test(h.line)) || /elasticsearch|opensearch/.test(spec?.image ?? '');
  const breaker = ev.logs.filter((l) => pods.includes(l.pod) && !l.previous).flatMap((l) => l.lines.filter((x) => BREAKER.test(x)).map((x) => ({ pod: l.pod, line: x })));
  const callers = describeRefusingCallers(ev);

  if (hits.every((h) => h.gc.runtime === 'go')) {
    return [describeGoPressure({ ev, hits, pods, podObjects, container, heap, cut, worstShare, example, limit, onset: cut !== undefined ? earliest(podObjects.map((p) => p.startTime ?? p.createdAt)) : earliest(hits.map((h) => readLineTime(h.line))) })];
  }

  // Long pauses on a heap that is not full are not pressure: raising the heap would lengthen them.
  const pauses = describeLongGcPauses({ ev, hits, pods, podObjects, container, spec, heap, onNewest });
  if (pauses !== undefined) return [pauses];

  const gcSaid = worstShare !== undefined ? `GC takes ${worstShare >= 0.95 ? '' : 'up to '}${percent(worstShare)} of the time` : `GC pauses of up to ${formatGcMs(worstMs)}`;
  const scope = `in ${pods.length}/${ev.pods.length} pods`;
  const heapSaid = cut !== undefined
    ? `the heap cut from ${cut.from} to ${cut.to} (${cut.was} → ${cut.flag}, ${cut.where}${cut.limitFrom ? `; memory limit ${cut.limitFrom} → ${cut.limitTo ?? ''}` : ''})`
    : heap?.bytes !== undefined ? `a ${formatSize(heap.bytes)} heap (${heap.flag}, ${heap.where})` : undefined;
  const refusedSaid = callers.refusal !== undefined ? `; its callers are refused (${callers.refusal})` : '';
  const title = `JVM heap pressure ${scope}: ${gcSaid}${heapSaid ? `, with ${heapSaid}` : ''}${refusedSaid}`;

  const breakerSays = search
    ? ` Elasticsearch's parent circuit breaker (95% of the heap by default) then refuses requests with HTTP 429 circuit_breaking_exception ("[parent] Data too large") rather than run out of memory.`
    : '';
  const likelyCause = cut !== undefined
    ? `Revision ${cut.revision} cut the JVM heap from ${cut.from} to ${cut.to} (${cut.was} → ${cut.flag} in ${cut.where}${cut.limitFrom ? `, memory limit ${cut.limitFrom} → ${cut.limitTo ?? ''}` : ''}). The working set no longer fits: the JVM spends most of its time collecting and frees little, so requests slow down.${breakerSays} The pods stay Ready and nothing is killed, so it looks healthy from Kubernetes.`
    : `The JVM spends most of its time collecting and frees little: its heap${heap?.bytes !== undefined ? ` (${formatSize(heap.bytes)})` : ''} is too small for what it holds now (more data, more load, a cache that grew). Requests slow down.${breakerSays} The pods stay Ready and nothing is killed.`;
  const checkClients = callers.lines.length > 0 ? '' : search ? ' Check the clients for refused requests (HTTP 429 circuit_breaking_exception).' : ' Check the clients for slow or refused requests.';
  const nextAction = cut !== undefined
    ? `Restore the heap: roll back to revision ${cut.previous} (${cut.was}${cut.limitFrom ? `, memory limit ${cut.limitFrom}` : ''}), or size the heap to the data and load${search ? ' (about half the memory limit for Elasticsearch)' : ''}.${checkClients}`
    : `Give the JVM a bigger heap (raise ${heap?.flag ?? '-Xmx'} with the memory limit), or find what grew to fill it (data, caches, load).${checkClients}`;
  const fix = cut !== undefined ? `restore the heap (${cut.was}${cut.limitFrom ? ` with the ${cut.limitFrom} memory limit` : ''}) or size it to the data and load` : `raise the heap (${heap?.flag ?? '-Xmx'}) with the memory limit, or cut what fills it`;
  // The heap is set when the JVM starts: pressure that builds with data and load comes from the revision that started it.
  const onset = cut !== undefined ? earliest(podObjects.map((p) => p.startTime ?? p.createdAt)) : earliest(hits.map((h) => readLineTime(h.line)));

  return [
    {
      id: `heap-pressure/${container}`,
      kind: 'heap-pressure',
      title,
      layer: 'container/process',
      severity: 'warning',
      confidence: cut !== undefined && pods.length >= 2 ? 'high' : 'medium',
      evidence: [
        `${hits.length} GC pressure lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}${worstShare !== undefined ? `, ${percent(worstShare)} of the time spent collecting at worst` : ''}, the longest ${formatGcMs(worstMs)}`,
        `log ${example.log.pod}: ${truncate(condenseStructuredLine(example.line.trim()), 300)}`,
        ...(heap !== undefined ? [`${heap.flag} (${heap.where}) sets the JVM heap${heap.bytes !== undefined ? ` to ${formatSize(heap.bytes)}` : ''}${limit !== undefined ? ` against a ${limit} memory limit` : ''}`] : []),
        ...(cut !== undefined ? [describeHeapCut(cut)] : []),
        ...breaker.slice(0, 1).map((b) => `log ${b.pod}: ${/HierarchyCircuitBreakerService/.test(b.line) ? 'the parent circuit breaker (HierarchyCircuitBreakerService) logs ' : ''}"${truncate(condenseStructuredLine(b.line.trim()), 240)}"${heapShare(b.line, heap?.bytes)}`),
        ...callers.lines,
        `${podObjects.filter((p) => p.ready).length}/${podObjects.length} of these pods Ready, ${podObjects.filter((p) => p.containers.some((c) => c.restartCount > 0)).length} restarted`,
      ],
      decisive: example.gc.said,
      likelyCause,
      nextAction,
      fix,
      ...(cut !== undefined ? { latent: 'the heap is set when the JVM starts and pressure builds with data and load, so GC overhead that shows late still comes from the revision that started the JVM' } : {}),
      ...(onset !== undefined ? { onset } : {}),
      confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${container} --tail=200`), formatKubectl(ev.target, 'top pods --containers')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
