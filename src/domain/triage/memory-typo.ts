/**
 * A memory quantity no process can start in, usually a unit typed wrong: "512m" is 512
 * millibytes (half a byte), "512" is 512 bytes, "512k" half a megabyte — where "512Mi" was meant.
 * The kubelet accepts them; the runtime's init is then OOM-killed before the app runs, and the
 * start error ("container init was OOM-killed") names no quantity. Reading the container's own
 * memory request and limit is how a senior SRE closes that gap.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import { formatBytes, parseQuantity } from './quantity.js';

/** Below this a container cannot even start its init process (runc, the runtime shim, a shell). */
const MIN_STARTABLE_BYTES = 4 * 2 ** 20;

export interface MemoryTypo {
  /** The quantity as written in the spec ("512m"). */
  written: string;
  /** Which of the container's settings carry it. */
  settings: ('request' | 'limit')[];
  /** What it is in bytes, said for people: "0.512 bytes". */
  bytes: string;
  /** The quantity that was probably meant ("512Mi"), when the digits say so. */
  meant?: string;
  /** "m is milli, not Mi": the unit mistake, when one is recognisable. */
  unit?: string;
}

/** Decimal units people type where they mean binary ones, and what they read as. */
const UNIT_SLIPS: Record<string, string> = { m: 'm means milli: thousandths of a byte, not Mi', '': 'a bare number means bytes', k: 'k means kilobytes' };

function sayBytes(bytes: number): string {
  if (bytes < 1) return `${Number(bytes.toPrecision(3))} bytes`;
  return bytes < 1024 ? `${Math.round(bytes)} bytes` : formatBytes(bytes);
}

/**
 * The container's memory limit (or request) when it is too small for any process to start,
 * with the quantity that was likely meant. Undefined for every plausible setting.
 */
export function findMemoryTypo(container: Pick<ContainerSpecEvidence, 'resources'>): MemoryTypo | undefined {
  const limit = container.resources.limits['memory'];
  const request = container.resources.requests['memory'];
  const written = limit ?? request;
  const bytes = parseQuantity(written);
  if (written === undefined || bytes === undefined || bytes <= 0 || bytes >= MIN_STARTABLE_BYTES) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(written);
  const suffix = m?.[2] ?? '';
  const unit = UNIT_SLIPS[suffix];
  const settings: MemoryTypo['settings'] = [];
  if (request !== undefined && request === written) settings.push('request');
  if (limit !== undefined) settings.push('limit');
  return {
    written,
    settings,
    bytes: sayBytes(bytes),
    ...(unit !== undefined && m?.[1] !== undefined ? { meant: `${m[1]}Mi`, unit } : {}),
  };
}

/** The words a finding uses for it: a title suffix, evidence, cause, action and fix. */
export function tellMemoryTypo(typo: MemoryTypo, container: string): { title: string; evidence: string; cause: string; action: string; fix: string } {
  const which = `memory ${typo.settings.join(' and ')}`;
  const verb = typo.settings.length > 1 ? 'are' : 'is';
  const meant = typo.meant ? `; ${typo.meant} was likely meant` : '';
  return {
    title: `: its ${which} ${verb} ${typo.written} = ${typo.bytes}${typo.unit ? ` (${typo.unit})` : ''}${meant}`,
    evidence: `${container} ${which}: ${typo.written} = ${typo.bytes}${typo.unit ? ` (${typo.unit})` : ''}: no process can start in that`,
    cause: `The ${which} of ${container} is ${typo.written}, which Kubernetes reads as ${typo.bytes}: the container's memory cgroup has (almost) no room, so the runtime's own init process is OOM-killed before the application starts. The app never ran: nothing leaks, there is no application log, and raising the node's memory would change nothing.`,
    action: `Write the ${which} with a binary unit${typo.meant ? ` (${typo.meant})` : ' (Mi or Gi)'} in the pod template; the pods start at their next restart.`,
    fix: `write the ${which} as ${typo.meant ?? 'a quantity in Mi or Gi'}${typo.meant ? ` (not ${typo.written})` : ''}`,
  };
}
