/**
 * A JVM that stops the world for garbage collection longer than a probe's timeout fails the probe
 * while it is paused: the process is alive, only frozen. Its own GC log says so — "Pause Full (G1
 * Compaction Pause) … 5210.000ms" — and often says why: G1 humongous allocations (an object of at
 * least half a region goes straight into old regions, so large buffers fill the old generation),
 * "To-space exhausted" (an evacuation with nowhere to copy to), a CMS "concurrent mode failure".
 * When such pauses recur and outlast the timeout, the pauses are the cause of the probe's kills:
 * relaxing the probe only hides them, the app still freezes for seconds at a time.
 */
import { truncate } from '../text.js';
import type { LogEvidence, ProbeEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { formatGcMs } from './gc-pressure.js';
import type { ProbeMiss } from './probe-miss.js';

/** Unified GC logging (JDK 9+): "GC(52) Pause Full (G1 Compaction Pause) 3068M->2100M(3072M) 5210.000ms". */
const UNIFIED_PAUSE = /\bPause (Full|Young|Mixed|Remark|Cleanup)((?: \([^)]*\))*) \d+[KMG]->\d+[KMG]\(\d+[KMG]\) (\d+(?:\.\d+)?)ms\b/;
/** JDK 8 GC logging: "[Full GC (Allocation Failure) … 2900M->2100M(3072M), 5.2101234 secs]", "[GC pause (G1 Humongous Allocation) (young), 0.41 secs]". */
const LEGACY_PAUSE = /\[(Full GC|GC pause)((?: ?\([^)]*\))*)[^\n]*?, (\d+(?:\.\d+)?) secs\]/;
/** G1's large-object allocations: "(G1 Humongous Allocation)", "Humongous regions: 1610->1588". */
const HUMONGOUS = /\bhumongous\b/i;
/** An evacuation with no free region to copy into (G1), or an old generation full before CMS finished. */
const EVACUATION_FAILED = /\bTo-space exhausted\b|\bto-space overflow\b|\bEvacuation Failure\b|\bconcurrent mode failure\b|\bpromotion failed\b/i;
/** "Heap Region Size: 1M" from G1's init lines. */
const REGION_SIZE = /\bHeap Region Size: (\d+[KMG])\b/;
/** Recurring: one long pause is a one-off, again and again it is the heap's shape. */
const MIN_LONG_PAUSES = 2;

interface Pause {
  ms: number;
  /** "Pause Full (G1 Compaction Pause)" */
  kind: string;
  line: string;
}

/** One log line → the stop-the-world pause it reports; undefined when it reports none. */
export function parseGcPause(line: string): Pause | undefined {
  const u = UNIFIED_PAUSE.exec(line);
  if (u) return { ms: Math.round(Number(u[3])), kind: `Pause ${u[1] ?? ''}${u[2] ?? ''}`, line };
  const l = LEGACY_PAUSE.exec(line);
  if (l) return { ms: Math.round(Number(l[3]) * 1000), kind: `${l[1] ?? ''}${l[2] ?? ''}`.trim(), line };
  return undefined;
}

/**
 * The reading when the probe times out and the probed container's GC log (any run) shows recurring
 * stop-the-world pauses longer than the probe's timeout; undefined otherwise.
 */
export function explainGcPauseProbe(probeName: string, probe: ProbeEvidence | undefined, messages: string, logs: readonly LogEvidence[]): ProbeMiss | undefined {
  if (!/timeout|deadline exceeded|timed out/i.test(messages)) return undefined;
  const timeoutS = probe?.timeoutSeconds ?? 1;
  const lines = logs.flatMap((l) => l.lines);
  const long = lines.flatMap((l) => parseGcPause(l) ?? []).filter((p) => p.ms > timeoutS * 1000);
  if (long.length < MIN_LONG_PAUSES) return undefined;
  const longest = [...long].sort((a, b) => b.ms - a.ms)[0] as Pause;
  const full = long.filter((p) => /full/i.test(p.kind)).length;
  const humongous = lines.filter((l) => HUMONGOUS.test(l)).length;
  const evacuation = lines.map((l) => EVACUATION_FAILED.exec(l)?.[0]).find((x) => x !== undefined);
  const region = lines.map((l) => REGION_SIZE.exec(l)?.[1]).find((x) => x !== undefined);
  const quote = truncate(condenseStructuredLine(longest.line.trim()), 200);
  const pauses = `${long.length} stop-the-world GC pauses longer than the ${timeoutS}s timeout${full > 0 ? ` (${full} full GCs)` : ''}, up to ${formatGcMs(longest.ms)} (${longest.kind})`;
  const half = region !== undefined ? halfOf(region) : undefined;
  const mechanism = humongous > 0
    ? `G1 humongous allocations${evacuation ? ` and "${evacuation}"` : ''}: every object of at least half a G1 region${region ? ` (${half ?? 'half'} with ${region} regions)` : ''} is allocated straight into old regions, so large buffers fill the old generation until G1 falls back to full, compacting collections`
    : evacuation
      ? `"${evacuation}": the collector ran out of free space to copy live objects into and fell back to full, compacting collections`
      : full > 0 ? 'full collections: the old generation fills faster than the concurrent collector frees it' : undefined;
  const fix = humongous > 0
    ? `stop the humongous allocations: raise -XX:G1HeapRegionSize (a power of two up to 32m, so the large buffers are under half a region) or the heap, or cut the payloads the app buffers whole (stream or chunk them); relaxing the ${probeName} probe only hides pauses that stall every request`
    : `shorten the GC pauses: find what fills the old generation (GC log, heap histogram) and size the heap or the work to it; relaxing the ${probeName} probe only hides pauses that stall every request`;
  return {
    scope: `stop-the-world GC pauses of up to ${formatGcMs(longest.ms)} ("${longest.kind}") outlast its ${timeoutS}s timeout${mechanism ? `, from ${mechanism.split(':')[0]}` : ''}`,
    why: `the JVM stops the world for garbage collection for longer than the probe's ${timeoutS}s timeout (${pauses}), so the kubelet's checks time out through the pauses and it kills a process that is only frozen${mechanism ? `. The GC log shows ${mechanism}` : ''}`,
    fix,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}. Restarting pods will not help: each new JVM fills its heap the same way.`,
    decisive: quote,
    evidence: [
      `GC log: ${pauses}; longest: "${quote}"`,
      ...(humongous > 0 ? [`${humongous} GC log lines name humongous allocations or regions${region ? `; G1 heap region size ${region}` : ''}`] : []),
      ...(evacuation ? [`GC log: "${evacuation}"`] : []),
    ],
  };
}

/** "1M" → "512K", "4M" → "2M". */
function halfOf(size: string): string | undefined {
  const m = /^(\d+)([KMG])$/.exec(size);
  if (!m) return undefined;
  const n = Number(m[1]);
  const units = ['K', 'M', 'G'];
  const u = units.indexOf(m[2] ?? '');
  if (n % 2 === 0) return `${n / 2}${m[2] ?? ''}`;
  return u > 0 ? `${(n * 1024) / 2}${units[u - 1] ?? ''}` : undefined;
}
