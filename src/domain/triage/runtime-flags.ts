/**
 * Memory settings a runtime applies inside the container, read from the container's command,
 * args and literal env: the JVM's -Xmx / MaxRAMPercentage, Node's --max-old-space-size, Go's
 * GOMEMLIMIT and GOGC. A heap sized at or above the memory limit gets the process OOM-killed before
 * its own garbage collector ever reacts; a V8 heap far below it makes Node abort while memory is
 * free; GOGC=off without a GOMEMLIMIT turns Go's collector off for good, so the heap only grows.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import { type ComputedVar, computeEnv, expandReferences } from './env-expansion.js';
import { formatBytes, parseQuantity } from './quantity.js';

export interface HeapSetting {
  runtime: 'jvm' | 'node' | 'go';
  /** The flag as written: "-Xmx2g", "--max-old-space-size=512", "GOMEMLIMIT=900MiB". */
  flag: string;
  /** Where it is set: "env JAVA_OPTS", "args". */
  where: string;
  /** The heap ceiling in bytes, when the flag gives an absolute size. */
  bytes?: number;
  /** JVM MaxRAMPercentage: a share of the limit. */
  percent?: number;
  /** GOGC=off with no GOMEMLIMIT: the collector never runs, nothing bounds the heap. */
  unbounded?: boolean;
  /** The flag as the template writes it, when the kubelet expanded a `$(VAR)` in it: "-Xmx$(MEM_LIMIT)m". */
  written?: string;
  /** The variables expanded into it, with where their values come from (a Downward API limit). */
  via?: ComputedVar[];
}

/** Products' own options variables (Elasticsearch, OpenSearch, Logstash, Kafka, Solr) reach the JVM through their start scripts, as JAVA_OPTS does. */
const PRODUCT_JVM_ENV = ['ES_JAVA_OPTS', 'OPENSEARCH_JAVA_OPTS', 'LS_JAVA_OPTS', 'KAFKA_HEAP_OPTS', 'SOLR_JAVA_MEM'];
const JVM_ENV = ['JAVA_OPTS', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CATALINA_OPTS', 'JVM_OPTS', 'JAVA_OPTIONS', ...PRODUCT_JVM_ENV];

function jvmBytes(size: string, unit: string): number | undefined {
  const n = Number(size);
  if (!Number.isFinite(n)) return undefined;
  const factor: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  const f = factor[unit.toLowerCase()];
  return f === undefined ? undefined : n * f;
}

function scan(text: string, where: string): HeapSetting | undefined {
  const xmx = /-Xmx(\d+)([kKmMgGtT]?)\b/.exec(text);
  if (xmx) {
    const bytes = jvmBytes(xmx[1] ?? '', xmx[2] ?? '');
    return { runtime: 'jvm', flag: xmx[0], where, ...(bytes === undefined ? {} : { bytes }) };
  }
  const pct = /-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/.exec(text);
  if (pct) return { runtime: 'jvm', flag: pct[0], where, percent: Number(pct[1]) };
  const v8 = /--max[-_]old[-_]space[-_]size[= ](\d+)/.exec(text);
  if (v8) return { runtime: 'node', flag: v8[0], where, bytes: Number(v8[1]) * 1024 ** 2 };
  return undefined;
}

/**
 * Where a JVM flag wins: _JAVA_OPTIONS over the command line, the command line over
 * JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS (read first, then overridden). JAVA_OPTS and friends
 * reach the JVM only through a start script's command line.
 */
const JVM_PRECEDENCE = ['env _JAVA_OPTIONS', 'args', 'command', 'env JDK_JAVA_OPTIONS', ...PRODUCT_JVM_ENV.map((n) => `env ${n}`), 'env JAVA_OPTS', 'env CATALINA_OPTS', 'env JVM_OPTS', 'env JAVA_OPTIONS', 'env JAVA_TOOL_OPTIONS'];

/**
 * Scans the text as the process receives it ($(VAR) expanded by the kubelet), and keeps the
 * token as written when an expansion made it.
 */
function scanExpanded(text: string, where: string, vars: ReadonlyMap<string, ComputedVar>): HeapSetting | undefined {
  const hit = scan(expandReferences(text, vars).text, where);
  if (hit === undefined) return undefined;
  for (const token of text.split(/\s+/)) {
    const x = expandReferences(token, vars);
    if (x.used.length > 0 && x.text.includes(hit.flag)) return { ...hit, written: token, via: x.used };
  }
  return hit;
}

export function findHeapSetting(c: ContainerSpecEvidence): HeapSetting | undefined {
  const found: HeapSetting[] = [];
  const vars = computeEnv(c);
  for (const e of c.env ?? []) {
    if (!('value' in e)) continue;
    if (JVM_ENV.includes(e.name) || e.name === 'NODE_OPTIONS') {
      const hit = scanExpanded(e.value, `env ${e.name}`, vars);
      if (hit) found.push(hit);
    }
    if (e.name === 'GOMEMLIMIT') {
      const bytes = parseQuantity(e.value.replace(/B$/, ''));
      found.push({ runtime: 'go', flag: `GOMEMLIMIT=${e.value}`, where: 'env GOMEMLIMIT', ...(bytes === undefined ? {} : { bytes }) });
    }
  }
  // GOGC=off alone disables the collector; with a GOMEMLIMIT it collects only near that limit.
  const gogcOff = (c.env ?? []).some((e) => e.name === 'GOGC' && 'value' in e && e.value.trim().toLowerCase() === 'off');
  if (gogcOff && !found.some((h) => h.runtime === 'go')) found.push({ runtime: 'go', flag: 'GOGC=off', where: 'env GOGC', unbounded: true });
  for (const [where, argv] of [['args', c.args], ['command', c.command]] as const) {
    const hit = argv === undefined ? undefined : scanExpanded(argv.join(' '), where, vars);
    if (hit) found.push(hit);
  }
  // An absolute -Xmx overrides MaxRAMPercentage wherever it is set; among equals, precedence decides.
  const rank = (h: HeapSetting) => (h.runtime === 'jvm' && h.bytes === undefined ? 100 : 0) + Math.max(0, JVM_PRECEDENCE.indexOf(h.where));
  return found.sort((a, b) => rank(a) - rank(b))[0];
}

/** Bytes as limits read, up to the absurd sizes a unit mistake makes ("2Pi"). */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['Pi', 2 ** 50], ['Ti', 2 ** 40]] as const) {
    if (bytes >= size) return `${Number.isInteger(bytes / size) ? bytes / size : (bytes / size).toFixed(1)}${unit}`;
  }
  return formatBytes(bytes);
}

/** "-Xmx2g (env JAVA_OPTS) allows a 2Gi heap" — the heap against the container's memory limit. */
export function describeHeap(h: HeapSetting, limit: number | undefined): string {
  if (h.unbounded) return `${h.flag} (${h.where}) turns the Go garbage collector off and no GOMEMLIMIT bounds the heap${limit !== undefined ? `, against a ${formatBytes(limit)} container limit` : ''}`;
  const size = h.bytes !== undefined ? formatSize(h.bytes) : h.percent !== undefined && limit !== undefined ? `${formatBytes((limit * h.percent) / 100)} (${h.percent}% of the limit)` : undefined;
  const what = h.runtime === 'node' ? 'V8 heap' : h.runtime === 'go' ? 'Go soft memory limit' : 'JVM heap';
  const flag = h.written !== undefined ? `${h.written} → ${h.flag}` : h.flag;
  return `${flag} (${h.where}) sets the ${what}${size ? ` to ${size}` : ''}${limit !== undefined ? ` against a ${formatBytes(limit)} container limit` : ''}`;
}

/** What a collector switched off means for a container killed at its limit, and what to do. */
export function tellUnboundedHeap(h: HeapSetting, limit: number | undefined): { reason: string; cause: string; action: string; fix: string } {
  const target = limit !== undefined ? ` (${formatBytes(limit * 0.75)})` : '';
  return {
    reason: `: ${h.flag} with no GOMEMLIMIT, the heap is never collected`,
    cause: `${h.flag} (${h.where}) turns the Go garbage collector off and no GOMEMLIMIT brings it back near the limit: nothing is ever freed, the heap grows with the work until the container passes its ${limit !== undefined ? formatBytes(limit) : ''} limit and the kernel kills it, at a steady interval whatever the traffic. Not a leak in the code: the collector is off.`,
    action: `Mitigate: remove ${h.flag}, or set GOMEMLIMIT to about 75% of the limit${target} so the collector runs before the limit. A restart only resets the clock.`,
    fix: `remove ${h.flag} or set GOMEMLIMIT below the limit (~75%)`,
  };
}

/** The JVM's memory pools outside the heap, as its OutOfMemoryError names them, with the flag that caps each. */
const JVM_POOLS: Record<string, { flag: string; what: string }> = {
  Metaspace: { flag: '-XX:MaxMetaspaceSize', what: 'class metadata' },
  'Compressed class space': { flag: '-XX:CompressedClassSpaceSize', what: 'compressed class pointers' },
  'Direct buffer memory': { flag: '-XX:MaxDirectMemorySize', what: 'direct (off-heap) buffers' },
  CodeCache: { flag: '-XX:ReservedCodeCacheSize', what: 'JIT-compiled code' },
};

export interface JvmPoolCap {
  /** "-XX:MaxMetaspaceSize=64m" as written. */
  flag: string;
  /** "-XX:MaxMetaspaceSize". */
  name: string;
  where: string;
  bytes?: number;
  /** What the pool holds: "class metadata". */
  what: string;
}

/** The flag that caps the non-heap pool an OutOfMemoryError names (`Metaspace`), where the container sets it. */
export function findJvmPoolCap(c: ContainerSpecEvidence, pool: string): JvmPoolCap | undefined {
  const known = JVM_POOLS[pool];
  if (known === undefined) return undefined;
  const pattern = new RegExp(`${known.flag}=(\\d+)([kKmMgGtT]?)\\b`);
  const sources: [string, string][] = [
    ...(c.env ?? []).flatMap((e): [string, string][] => ('value' in e && JVM_ENV.includes(e.name) ? [[`env ${e.name}`, e.value]] : [])),
    ...(c.args ? [['args', c.args.join(' ')] as [string, string]] : []),
    ...(c.command ? [['command', c.command.join(' ')] as [string, string]] : []),
  ];
  const hits = sources.flatMap(([where, text]) => {
    const m = pattern.exec(text);
    if (m === null) return [];
    const bytes = jvmBytes(m[1] ?? '', m[2] ?? '');
    return [{ flag: m[0], name: known.flag, where, what: known.what, ...(bytes === undefined ? {} : { bytes }) }];
  });
  return hits.sort((a, b) => Math.max(0, JVM_PRECEDENCE.indexOf(a.where)) - Math.max(0, JVM_PRECEDENCE.indexOf(b.where)))[0];
}
