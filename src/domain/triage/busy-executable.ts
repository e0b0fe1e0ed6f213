/**
 * A container whose start (or a process it execs) fails with ETXTBSY, "text file busy": the
 * kernel refuses to exec a file that some process still holds open for writing. The executable is
 * being written as the container starts — most often by another container of the pod that copies
 * it into a volume both mount (a native sidecar or a second container that re-copies it in place,
 * where a one-shot init container used to finish before the start). Starts that land during a copy
 * fail, those between copies run. The file's mode has nothing to do with it; writing a temporary
 * file and renaming it over the executable (rename is atomic, and a running process keeps the old
 * inode), or copying once in an init container, is the fix.
 */
import type { ContainerEvidence, ContainerSpecEvidence, PodEvidence } from './evidence.js';
import { capitalize } from '../text.js';

/** ETXTBSY as runc, shells and language runtimes print it. */
export const TEXT_FILE_BUSY = /\btext file busy\b|\bETXTBSY\b/i;

/** A shell script that repeats: a loop, a sleep between runs, a file watcher. */
const REPEATS = /\bwhile\b[^\n]*\bdo\b|\bfor\s*\(\(|\buntil\b[^\n]*\bdo\b|\bsleep\s+\d|\binotifywait\b|\bwatch\s+-n|--interval\b|\bentr\b/;
/** Commands that write a file in place: a copy, an install, a download into the path. */
const WRITES = /\b(?:cp|install|rsync|curl|wget|tar|unzip|cat|dd|tee|mv)\b/;

export interface BusyExecutable {
  /** The file exec refused, when the message names it ("/opt/tool/bin/tool"). */
  path?: string;
  /** The line that says so. */
  line: string;
  /** Another container of the pod that mounts the volume holding the file, writable, and runs beside the start. */
  writer?: {
    name: string;
    /** "sidecar" (an init container with restartPolicy Always) or "container". */
    role: 'sidecar' | 'container';
    volume: string;
    mountPath: string;
    /** Its command repeats (a loop, a sleep between copies): it rewrites the file again and again. */
    repeats: boolean;
    /** Its command names the file (or its base name). */
    namesFile: boolean;
    /** Its own log says its writes are refused for the same reason, while the file runs. */
    refusedLine?: string;
  };
}

/** The path exec refused: `exec: "/x/y": text file busy`, `/x/y: Text file busy`, `fork/exec /x/y: text file busy`. */
function pathOf(line: string): string | undefined {
  return /exec:? "?(\/[^\s"':]+)"?: text file busy/i.exec(line)?.[1] ?? /(\/[^\s"':]+)'?"?: (?:\d+: )?text file busy/i.exec(line)?.[1];
}

/** The mount of `c` over `path`, deepest first. */
function mountOver(c: ContainerSpecEvidence, path: string): { name: string; mountPath: string } | undefined {
  return (c.volumeMounts ?? [])
    .filter((m) => { const at = m.mountPath.replace(/\/+$/, ''); return path === at || path.startsWith(`${at}/`); })
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}

/**
 * The ETXTBSY a start of `container` failed with (its runtime message, or the log lines of the run),
 * and the container of `pod` that writes the file meanwhile, when one mounts its volume writable
 * beside it. Undefined when nothing says "text file busy".
 */
export function findBusyExecutable(input: { message?: string; lines: readonly string[]; container: ContainerSpecEvidence; pod: PodEvidence; logsOf: (container: string) => readonly string[] }): BusyExecutable | undefined {
  const { container, pod } = input;
  const line = [input.message ?? '', ...input.lines.slice(-40)].map((l) => l.trim()).find((l) => TEXT_FILE_BUSY.test(l));
  if (line === undefined) return undefined;
  const path = pathOf(line) ?? input.lines.map(pathOf).find((p) => p !== undefined);
  const own = path === undefined ? undefined : mountOver(container, path);
  if (path === undefined || own === undefined) return { line, ...(path ? { path } : {}) };
  // Only what runs beside the start can write as it execs: native sidecars and the other containers, not init containers that finished.
  const beside: { c: ContainerEvidence; role: 'sidecar' | 'container' }[] = [
    ...pod.initContainers.filter((c) => c.sidecar === true).map((c) => ({ c, role: 'sidecar' as const })),
    ...pod.containers.filter((c) => c.name !== container.name).map((c) => ({ c, role: 'container' as const })),
  ];
  const base = path.split('/').at(-1) ?? path;
  const candidates = beside.flatMap(({ c, role }) => {
    const m = (c.volumeMounts ?? []).find((x) => x.name === own.name && x.readOnly !== true);
    if (m === undefined) return [];
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    const namesFile = script.includes(path) || new RegExp(`(^|[/\\s])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(script);
    const refusedLine = input.logsOf(c.name).map((l) => l.trim()).find((l) => TEXT_FILE_BUSY.test(l) && (l.includes(base) || pathOf(l) !== undefined));
    const writes = namesFile || WRITES.test(script) || refusedLine !== undefined;
    return writes ? [{ name: c.name, role, volume: own.name, mountPath: m.mountPath, repeats: REPEATS.test(script), namesFile, ...(refusedLine ? { refusedLine } : {}) }] : [];
  });
  // The one that names the file and repeats is the writer; else the one that names it; else the only one.
  const writer = candidates.find((w) => w.namesFile && w.repeats) ?? candidates.find((w) => w.namesFile || w.refusedLine !== undefined) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return { line, path, ...(writer ? { writer } : {}) };
}

/** How it is told: the file, who writes it and how, and the atomic write as the fix. */
export function tellBusyExecutable(b: BusyExecutable, container: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const file = b.path ?? 'its executable';
  const w = b.writer;
  if (w === undefined) {
    return {
      title: `: ${file} is being written while it is exec'd`,
      cause: `The kernel refuses to exec a file some process still holds open for writing (ETXTBSY, "text file busy"): ${file} is being written as ${container} starts — a copy into a volume racing the start, or a file something rewrites in place. The file's mode is not the problem.`,
      action: `Find what writes ${file} as ${container} starts (a container of the pod sharing its volume, a copy loop); make it write a temporary file and rename it over ${file} (rename is atomic), or copy it once in an init container that completes before ${container} starts.`,
      fix: `write ${file} to a temporary file and rename it into place (or copy it once in an init container)`,
      evidence: [],
    };
  }
  const who = `${w.role === 'sidecar' ? 'sidecar' : 'container'} ${w.name}`;
  const how = w.repeats ? 'copies it over in place again and again (a loop)' : 'copies it in place';
  const base = file.split('/').at(-1) ?? file;
  return {
    title: `: ${file} is being written by ${who} (shared volume ${w.volume}) as it is exec'd`,
    cause: `exec of ${file} fails with ETXTBSY ("text file busy"): the kernel will not run a file some process holds open for writing. ${capitalize(who)} runs beside ${container}, mounts volume ${w.volume} too (at ${w.mountPath}) and ${how}${w.role === 'sidecar' ? '; unlike an init container, a sidecar keeps running after the start' : ''}, so a start that lands during a copy fails before the process runs, and one between copies gets through.${w.refusedLine ? ` ${capitalize(who)}'s own copies are refused the same way while the file runs.` : ''} The file's mode is not the problem.`,
    action: `Make ${w.name} write ${base} to a temporary file in ${w.mountPath} and rename it over ${base} (rename is atomic; a running process keeps the old file), or copy it once in an init container that completes before ${container} starts.`,
    fix: `make ${w.name} write ${base} to a temporary file and rename it into place (or copy it once in an init container)`,
    evidence: [
      `${who} mounts volume ${w.volume} at ${w.mountPath}, writable, and runs beside ${container}${w.repeats ? '; its command repeats the copy' : ''}`,
      ...(w.refusedLine ? [`log ${w.name}: ${w.refusedLine}`] : []),
    ],
  };
}
