/**
 * A process that dies at every start reading a state file it persisted itself, now corrupt or
 * truncated: a pickled shelve or dbm file ("pickle data was truncated", "EOFError: Ran out of
 * input", "db type could not be determined"), an SQLite file ("database disk image is malformed"),
 * or any store whose load says "corrupt", "truncated" or "unexpected EOF" about the file. A run
 * killed while writing it (a node that crashed, an OOM or liveness kill, a SIGKILL) leaves it half
 * written. Where the file lies decides how long that lasts: the container's writable layer is
 * fresh on each restart, but a volume that outlives the pod (a PersistentVolumeClaim, a hostPath)
 * hands every start — in a new pod, after a rollback — the same broken file. The file is the
 * mechanism: removing it (state the process rebuilds) or restoring it is the fix, not a rollback.
 */
import type { ContainerSpecEvidence, PodEvidence, VolumeEvidence } from './evidence.js';

export interface CorruptStateFile {
  /** The line that says the load failed. */
  line: string;
  /** The file it failed on, absolute. */
  path: string;
  /** Where the path was read: the failing line or the log around it, or the container's command line. */
  from: 'log' | 'command';
  /** The volume that keeps it past the pod. */
  on: { volume: VolumeEvidence; mountPath: string };
}

/** A load that failed on serialized state: these say the file is broken wherever the path is named. */
const STATE_LOAD = /\bUnpicklingError\b|\bpickle data was truncated\b|\bEOFError: Ran out of input\b|\b_?g?dbm\.error\b|\bdb type could not be determined\b|\bdatabase disk image is malformed\b|\bfile is not a database\b/i;
/** Words that say a file is broken only when the line (or the one beside it) names the file. */
const BROKEN = /\bcorrupt(?:ed|ion)?\b|\btruncated\b|\bunexpected EOF\b|\bchecksum mismatch\b|\binvalid checksum\b|\bbad magic number\b/i;
const PATH = /(?<![\w.:/-])(\/[\w.@+-]+(?:\/[\w.@+-]+)*)/g;
/** Paths of code, not state: a traceback's frames, the runtime's libraries. */
const CODE = /\.(?:py|pyc|rb|go|js|mjs|ts|java|class|jar|so|php|ex|exs)$|\/(?:site-packages|dist-packages|node_modules|gems)\/|^\/(?:usr|lib|lib64|bin|sbin|proc|dev|etc)\//;
/** Volumes that keep a file past the pod. */
const OUTLIVES_POD: readonly VolumeEvidence['source'][] = ['pvc', 'hostPath', 'nfs', 'csi'];

/** The absolute paths a line names, less those of code and the runtime's own libraries. */
export function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH)].map((m) => (m[1] ?? '').replace(/[.,:;]+$/, '')).filter((p) => p.length > 1 && !CODE.test(p));
}

/** The volume that outlives the pod mounted over `path` in the container, deepest mount first. */
export function findHolder(path: string, container: ContainerSpecEvidence, pod: PodEvidence): CorruptStateFile['on'] | undefined {
  const mount = (container.volumeMounts ?? [])
    .filter((m) => { const at = m.mountPath.replace(/\/+$/, ''); return path === at || path.startsWith(`${at}/`); })
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = mount === undefined ? undefined : (pod.volumes ?? []).find((v) => v.name === mount.name);
  if (mount === undefined || volume === undefined || !OUTLIVES_POD.includes(volume.source)) return undefined;
  return { volume, mountPath: mount.mountPath };
}

/**
 * The corrupt state file the crashed runs of `container` die reading, on a volume that outlives the
 * pod. Undefined when no such failure is logged, when no file it could be lies on such a volume, or
 * (for the generic words) when the failing line does not name the file.
 */
export function findCorruptStateFile(input: { lines: readonly string[]; container: ContainerSpecEvidence; pod: PodEvidence | undefined }): CorruptStateFile | undefined {
  const { container, pod } = input;
  if (pod === undefined) return undefined;
  const tail = input.lines.slice(-60).map((l) => l.trim());
  const at = (path: string) => findHolder(path, container, pod);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const strong = STATE_LOAD.test(line);
    if (!strong && !BROKEN.test(line)) continue;
    // The failing line and its neighbours first: where the process says which file it read.
    const near = [line, tail[i - 1] ?? '', tail[i + 1] ?? ''].flatMap(pathsIn);
    const named = near.find((p) => at(p) !== undefined);
    if (named !== undefined) return { line, path: named, from: 'log', on: at(named) as CorruptStateFile['on'] };
    if (!strong) continue;
    // A serialized store's load failing names no file: the one the log or the command line gives it, on such a volume.
    const logged = tail.flatMap(pathsIn).find((p) => at(p) !== undefined);
    const commanded = [...(container.command ?? []), ...(container.args ?? [])].flatMap(pathsIn).find((p) => at(p) !== undefined);
    const path = commanded ?? logged;
    if (path !== undefined) return { line, path, from: commanded !== undefined ? 'command' : 'log', on: at(path) as CorruptStateFile['on'] };
  }
  return undefined;
}

/** How the reading is told: the file, the volume that keeps it, and what clears it. */
export function tellCorruptStateFile(s: CorruptStateFile, pods: readonly string[], container: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const { volume, mountPath } = s.on;
  const holder = volume.source === 'pvc' && volume.ref ? `PVC ${volume.ref}` : `${volume.source} volume ${volume.name}${volume.ref ? ` (${volume.ref})` : ''}`;
  const vol = `${holder} (volume ${volume.name}, mounted at ${mountPath})`;
  const quoted = s.line.length > 120 ? `${s.line.slice(0, 117)}…` : s.line;
  const podList = pods.slice(0, 3).join(', ');
  return {
    title: `: its persisted state file ${s.path} on ${holder} is corrupt or truncated, and every start dies reading it`,
    cause: `${container} fails at start loading ${s.path} ("${quoted}"): the file is corrupt or truncated, as a run killed while writing it leaves it (its node crashed, or the kernel or the kubelet killed the process mid-write). It lies on ${vol}, which outlives the container and the pod, so every start, in a new pod or on an older revision alike, reads the same broken file and exits. The image and its configuration are not at fault.`,
    action: `Scale ${container}'s workload to 0, then, from a debug pod that mounts ${holder}, move ${s.path} aside (keep a copy) so the process starts afresh — state it rebuilds (a schedule, a cache) comes back on its own — or restore the file from a backup. Restarting or rolling back changes nothing.`,
    fix: `remove or restore the corrupt ${s.path} on ${holder}`,
    evidence: [`${s.path} lies on ${vol}: it outlives the pod${s.from === 'command' ? ' (the path the command line gives the process)' : ''}`, ...(pods.length > 0 ? [`every start of ${podList} dies loading it`] : [])],
  };
}
