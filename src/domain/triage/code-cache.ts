/**
 * HotSpot's code cache, where the JIT keeps the machine code of hot methods: it is reserved at a
 * fixed size when the JVM starts (-XX:ReservedCodeCacheSize, 240m by default with tiered
 * compilation) and cannot grow. When it fills, the JVM says so once and turns its compiler off
 * ("CodeCache is full. Compiler has been disabled."): from then on every method not yet compiled
 * runs interpreted, many times slower, until the JVM restarts.
 */
import type { RevisionEvidence } from './evidence.js';
import { asSpec } from './heap-cut.js';
import { sortRevisions } from './revision-diff.js';
import { findJvmPoolCap } from './runtime-flags.js';

export interface CodeCacheFull {
  /** The JVM's words, without its "OpenJDK 64-Bit Server VM warning: " prefix. */
  line: string;
  /** The flag the JVM advises raising: -XX:ReservedCodeCacheSize, or a segment's size (JDK 9+). */
  flag: string;
  /** The cache as the JVM printed it: "size=32768Kb used=32741Kb max_used=32741Kb free=26Kb". */
  size?: string;
}

/** "CodeCache is full." (JDK 8) or "CodeHeap 'non-profiled nmethods' is full." (segmented, JDK 9+). */
const FULL = /\b(CodeCache|CodeHeap '[^']+') is full\. Compiler has been disabled\.?/;
const ADVICE = /Try increasing the code (?:cache|heap) size using (-XX:\w+)=/;
const SIZE = /^\s*CodeCache: (size=\d+Kb used=\d+Kb max_used=\d+Kb free=\d+Kb)/;

/** The JVM's report, in a log tail, that its code cache filled and its compiler stopped. */
export function readCodeCacheFull(lines: readonly string[]): CodeCacheFull | undefined {
  const at = lines.findIndex((l) => FULL.test(l));
  if (at < 0) return undefined;
  const full = FULL.exec(lines[at] ?? '')?.[0] ?? '';
  const after = lines.slice(at, at + 12);
  const flag = after.map((l) => ADVICE.exec(l)?.[1]).find((f) => f !== undefined) ?? '-XX:ReservedCodeCacheSize';
  const size = after.map((l) => SIZE.exec(l)?.[1]).find((s) => s !== undefined);
  return { line: full.endsWith('.') ? full : `${full}.`, flag, ...(size === undefined ? {} : { size }) };
}

export interface CodeCacheCut {
  revision: number;
  previous: number;
  /** The flags as written: "-XX:ReservedCodeCacheSize=240m" → "-XX:ReservedCodeCacheSize=32m". */
  was: string;
  flag: string;
  /** Where the new flag is set: "env JAVA_TOOL_OPTIONS". */
  where: string;
}

/** The newest revision against the one before it: whether it reserved a smaller code cache for `container`. */
export function findCodeCacheCut(revisions: readonly RevisionEvidence[], container: string): CodeCacheCut | undefined {
  const [newest, previous] = sortRevisions(revisions);
  const now = newest?.containers.find((c) => c.name === container);
  const before = previous?.containers.find((c) => c.name === container);
  if (newest === undefined || previous === undefined || now === undefined || before === undefined) return undefined;
  const cap = findJvmPoolCap(asSpec(now), 'CodeCache');
  const was = findJvmPoolCap(asSpec(before), 'CodeCache');
  if (cap?.bytes === undefined || was?.bytes === undefined || cap.bytes >= was.bytes) return undefined;
  return { revision: newest.revision, previous: previous.revision, was: was.flag, flag: cap.flag, where: cap.where };
}

/** "240m" of "-XX:ReservedCodeCacheSize=240m". */
export function valueOf(flag: string): string {
  return flag.replace(/^[^=]*=/, '');
}
