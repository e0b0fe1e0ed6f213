/**
 * Core dumps as what fills a pod's local disk: a process that crashes with "(core dumped)" writes
 * a core file the size of its memory into its working directory, and with `ulimit -c unlimited`
 * in a container that directory is usually the writable layer, which counts against the pod's
 * ephemeral-storage limit. A few crashes of a process of a gigabyte or more are enough.
 */
import type { TriageEvidence } from './evidence.js';

export interface CoreDumps {
  /** The crash line as logged: "Segmentation fault (core dumped) ./worker …". */
  line: string;
  /** Crash lines with "core dumped" in the logs read. */
  count: number;
  /** The directory the dumps land in, when the command changes into one outside any mounted volume. */
  dir?: string;
  /** The command lifts the core size limit itself (`ulimit -c unlimited`). */
  unlimited: boolean;
}

const DUMPED = /\(core dumped\)|\bdumped core\b|core dumped\b/i;

export function findCoreDumps(ev: TriageEvidence): CoreDumps | undefined {
  const lines = ev.logs.flatMap((l) => l.lines.filter((line) => DUMPED.test(line)));
  const first = lines[0];
  if (first === undefined) return undefined;
  const scripts = (ev.workload?.templateContainers ?? []).map((c) => ({ text: [...(c.command ?? []), ...(c.args ?? [])].join(' '), mounts: (c.volumeMounts ?? []).map((m) => m.mountPath) }));
  const unlimited = scripts.some((s) => /ulimit\s+(?:-\w*c\w*\s+)unlimited/.test(s.text));
  const dir = scripts.flatMap((s) => {
    const d = /\bcd\s+(\/[\w.\/-]+)/.exec(s.text)?.[1];
    return d !== undefined && !s.mounts.some((m) => d === m || d.startsWith(`${m.replace(/\/$/, '')}/`)) ? [d] : [];
  })[0];
  return { line: first.trim().replace(/\s{2,}/g, ' ').slice(0, 160), count: lines.length, ...(dir !== undefined ? { dir } : {}), unlimited };
}
