/**
 * A JVM short of heap says so in its own log long before anything is killed: it spends most of
 * its time collecting. Elasticsearch's GC monitor ("[gc][1234] overhead, spent [1.3s] collecting
 * in the last [1.5s]") and its long-collection lines, Cassandra's GCInspector, the JvmPauseMonitor
 * of Hadoop, HBase and their kin, and the JVM's own unified GC log (a full collection that frees
 * next to nothing) are logged at WARN or INFO, never ERROR, so an error count misses them. One such
 * line is noise (a big query, a merge); the same lines again and again are a heap too small for
 * the work.
 */

export interface GcPressure {
  /** Time spent collecting (or paused), in ms. */
  ms: number;
  /** The share of the interval spent collecting, when the line gives the interval. */
  share?: number;
  /** The line's own words, short: "[gc][9000] overhead, spent [1.1s] collecting in the last [1.5s]". */
  said: string;
  /** The runtime whose collector logged it; a JVM unless the line says otherwise. */
  runtime?: 'go';
  /** The live heap left after the collection, in MB (Go's gctrace gives it). */
  liveMb?: number;
  /** A long pause alone: the line says nothing of how full the heap is (a pause monitor, a long collection). */
  pauseOnly?: true;
}

/** Elasticsearch warns at 50% overhead (it logs 25% at INFO): half the time collecting is pressure. */
const MIN_SHARE = 0.5;
/** A collection or pause this long stalls every request (Cassandra's and ES's own warn thresholds). */
const MIN_PAUSE_MS = 1000;
/** A full collection that leaves the heap this full freed nothing worth having. */
const FULL_AFTER_SHARE = 0.9;

/** Sustained: this many pressure lines in the tails read; fewer are a one-off. */
export const SUSTAINED_GC_LINES = 3;

const DURATION = String.raw`(\d+(?:\.\d+)?)(micros|ms|s|m|h)`;
const ES_OVERHEAD = new RegExp(String.raw`\[gc\](?:\[[^\]]*\])* overhead, spent \[${DURATION}\] collecting in the last \[${DURATION}\]`);
const ES_LONG = new RegExp(String.raw`\[gc\]\[(?:young|old)\]\[\d+\]\[\d+\] duration \[${DURATION}\], collections \[\d+\]/\[${DURATION}\]`);
const GC_INSPECTOR = /GCInspector\.java:\d+ - ([\w ]+?) GC in (\d+)ms/;
const PAUSE_MONITOR = /Detected pause in JVM or host machine \(eg GC\): pause of approximately (\d+)ms/;
/**
 * Go's gctrace (GODEBUG=gctrace=1): "gc 4100 @7100.412s 81%: 0.11+410+0.08 ms clock, … 594->599->590 MB,
 * 591 MB goal, …" — the percentage is the share of CPU spent in GC since the process started, and
 * the third heap size the live heap the collection left.
 */
const GO_TRACE = /\bgc \d+ @\d+(?:\.\d+)?s (\d+)%: [\d.]+\+([\d.]+)\+[\d.]+ ms clock, .*? (\d+)->(\d+)->(\d+) MB, (\d+) MB goal/;
const FULL_GC = /GC\(\d+\) Pause Full \([^)]*\)(?: \([^)]*\))? (\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\) (\d+(?:\.\d+)?)ms/;

function toMs(value: string | undefined, unit: string | undefined): number {
  const n = Number(value ?? '0');
  const f: Record<string, number> = { micros: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return n * (f[unit ?? 'ms'] ?? 1);
}

function toMb(value: string | undefined, unit: string | undefined): number {
  const f: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024 };
  return Number(value ?? '0') * (f[unit ?? 'M'] ?? 1);
}

/** One log line → the GC pressure it reports, if it reports pressure (not a collection that did its job). */
export function parseGcPressure(line: string): GcPressure | undefined {
  const o = ES_OVERHEAD.exec(line);
  if (o) {
    const ms = toMs(o[1], o[2]);
    const window = toMs(o[3], o[4]);
    const share = window > 0 ? ms / window : 0;
    return share >= MIN_SHARE ? { ms: Math.round(ms), share, said: o[0] } : undefined;
  }
  const l = ES_LONG.exec(line);
  if (l) {
    const ms = toMs(l[1], l[2]);
    return ms >= MIN_PAUSE_MS ? { ms: Math.round(ms), said: l[0], pauseOnly: true } : undefined;
  }
  const g = GC_INSPECTOR.exec(line) ?? PAUSE_MONITOR.exec(line);
  if (g) {
    const ms = Number(g.length > 2 ? g[2] : g[1]);
    return ms >= MIN_PAUSE_MS ? { ms, said: g[0], pauseOnly: true } : undefined;
  }
  const t = GO_TRACE.exec(line);
  if (t) {
    const share = Number(t[1]) / 100;
    const said = t[0].replace(/ ms clock, .*? (\d+->\d+->\d+ MB)/, ' ms clock, … $1');
    return share >= MIN_SHARE ? { ms: Math.round(Number(t[2])), share, said, runtime: 'go', liveMb: Number(t[5]) } : undefined;
  }
  const f = FULL_GC.exec(line);
  if (f) {
    const after = toMb(f[3], f[4]);
    const capacity = toMb(f[5], f[6]);
    const ms = Math.round(Number(f[7]));
    return capacity > 0 && after / capacity >= FULL_AFTER_SHARE ? { ms, said: f[0] } : undefined;
  }
  return undefined;
}

/** How full a full collection left the heap (0..1), from the JVM's unified GC log; undefined for other lines. */
export function fullGcOccupancy(line: string): number | undefined {
  const f = FULL_GC.exec(line);
  if (!f) return undefined;
  const capacity = toMb(f[5], f[6]);
  return capacity > 0 ? toMb(f[3], f[4]) / capacity : undefined;
}

/** "1.1s", "850ms", "12s". */
export function formatGcMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return ms >= 10_000 ? `${Math.round(ms / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
}
