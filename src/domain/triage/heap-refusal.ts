/**
 * A JVM that refuses the heap it was given and exits before any application code runs ("Error
 * occurred during initialization of VM / Could not reserve enough space for …KB object heap",
 * "Invalid maximum heap size"). The heap flag, read as the kubelet hands it over ($(VAR)
 * expanded), says why; a Downward API memory value without a divisor is in bytes, so a flag that
 * appends a unit to it (`-Xmx$(MEM_LIMIT)m`) asks for a million times the limit.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';
import { findHeapSetting, formatSize } from './runtime-flags.js';
import type { ToldReading } from './told-reading.js';

export interface HeapRefusal extends ToldReading {
  /** The JVM's own line. */
  line: string;
  evidence: string[];
}

const REFUSALS = [
  /Could not reserve enough space for \d+KB object heap/,
  /Invalid (?:maximum|initial) heap size: ?\S*/,
  /Initial heap size set to a larger value than the maximum heap size/,
  /Too small (?:maximum|initial) heap/,
];

/** The divisor that makes a Downward API value read in the flag's unit: -Xmx…m reads MiB. */
const DIVISOR: Record<string, string> = { k: '1Ki', m: '1Mi', g: '1Gi', t: '1Ti' };

export function findHeapRefusal(lines: readonly string[], c: ContainerSpecEvidence): HeapRefusal | undefined {
  const line = lines.flatMap((l) => REFUSALS.map((re) => re.exec(l)?.[0]).filter((x): x is string => x !== undefined))[0];
  if (line === undefined) return undefined;
  const heap = findHeapSetting(c);
  const limit = parseQuantity(c.resources.limits['memory']);
  const against = limit !== undefined ? ` against a ${formatSize(limit)} container limit` : '';
  const size = heap?.bytes !== undefined ? formatSize(heap.bytes) : undefined;
  if (heap === undefined || heap.runtime !== 'jvm') {
    return {
      title: ': the JVM refuses its heap size',
      cause: `The JVM exits before any application code runs: it cannot set up the heap it was asked for ("${line}"). A heap flag (-Xmx/-Xms) in the command, args or an options variable is out of range.`,
      action: 'Check the -Xmx/-Xms the process receives (its start script may build them) and size the heap below the container limit.',
      fix: 'size the heap below the container limit',
      line,
      evidence: [],
    };
  }
  const bytesVar = heap.via?.find((v) => v.noDivisor);
  const unit = /\)([kKmMgGtT])\b/.exec(heap.written ?? '')?.[1]?.toLowerCase();
  const divisor = unit === undefined ? undefined : DIVISOR[unit];
  const expanded = heap.written !== undefined ? `${heap.written} (${heap.where}) expands to ${heap.flag}` : `${heap.flag} (${heap.where})`;
  const evidence = [`${expanded}${size ? `: a ${size} heap` : ''}${against}`, ...(heap.via ?? []).map((v) => `${v.name}=${v.value}${v.origin ? ` (${v.origin})` : ''}`)];
  if (bytesVar !== undefined && divisor !== undefined) {
    return {
      title: `: ${heap.written ?? heap.flag} asks for a ${size ?? 'huge'} heap, ${bytesVar.name} is the memory limit in bytes (Downward API without a divisor)`,
      cause: `${bytesVar.name} comes from the Downward API (resourceFieldRef ${bytesVar.origin?.replace(/ of container.*$/, '') ?? 'limits.memory'}) without a divisor, so the kubelet sets it in bytes (${bytesVar.value}); ${heap.written ?? heap.flag} reads it as ${divisor.slice(1)} and becomes ${heap.flag}, a ${size ?? 'huge'} heap. The JVM cannot reserve it and exits before any application code runs. Not a kill at the memory limit: the limit is fine, the unit is wrong.`,
      action: `Add divisor: ${divisor} to the resourceFieldRef of ${bytesVar.name} (and take a share of it, or size the heap with -XX:MaxRAMPercentage instead).`,
      fix: `add divisor: ${divisor} to the resourceFieldRef of ${bytesVar.name}`,
      line,
      evidence,
    };
  }
  return {
    title: `: the JVM refuses its heap, ${heap.written ?? heap.flag}${size ? ` asks for ${size}` : ''}${against}`,
    cause: `The JVM exits before any application code runs: it cannot set up the heap ${expanded} asks for ("${line}").`,
    action: `Size ${heap.written ?? heap.flag} below the container limit (or use -XX:MaxRAMPercentage).`,
    fix: `size ${heap.written ?? heap.flag} below the container limit`,
    line,
    evidence,
  };
}
