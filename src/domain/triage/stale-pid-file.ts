/**
 * A server that refuses to start because its pid (or lock) file is there: "A server is already
 * running (pid: 1, file: …/server.pid)", "Pidfile (celerybeat.pid) already exists", Postgres'
 * `lock file "postmaster.pid" already exists`, "httpd (pid 1) already running". A run ended by a
 * SIGKILL (an OOM kill, a liveness kill, a node's OOM killer) never removes its file. Where the
 * file lies decides how long it outlives that run: a restarted container gets a fresh writable
 * layer from the image, but an emptyDir lives as long as the pod, so every restart of the
 * container finds the file; a persistent volume keeps it even past the pod. The pid it names is
 * often the new process's own (pid 1 in the container's PID namespace), so the check finds it
 * "alive". Restarting the container changes nothing; a new pod (a fresh emptyDir) or removing the
 * file does.
 */
import type { ContainerSpecEvidence, EventEvidence, IsoTime, PodEvidence, VolumeEvidence } from './evidence.js';
import { formatAgo, msBetween } from './time-span.js';

export interface StalePidFile {
  /** The line that refuses the start. */
  line: string;
  /** The file it names, absolute when the log says where. */
  path: string;
  /** The pid the file holds, when the log says. */
  pid?: number;
  /** What the file lies on: an emptyDir, or a volume that outlives the pod. */
  on: { kind: 'emptyDir' | 'persistent'; volume: VolumeEvidence; mountPath: string };
  /** A kill of the earlier run the nodes' or the pods' events record just before the first refused start. */
  killed?: { what: string; at: IsoTime };
}

/** The start refused for a pid or lock file that is there. */
const REFUSED = /\balready (?:running|exists?|active|locked)\b|\bis stale\b|\bremove \S+ and start again\b/i;
const NAMES_PID_FILE = /\bpid\b|pid ?file|lock ?file|\.pid\b|[.-]lock\b/i;
/** Where the line names the file: `file: /x.pid`, a quoted name, or a bare path ending in .pid or lock. */
const FILE_PATTERNS: readonly RegExp[] = [
  /\bfile:?\s*["'(]?([\w./-]+)/i,
  /\bpid=(\/[\w./-]+)/i,
  /["'(]([\w./-]*(?:\.pid|[.-]lock))["')]/i,
  /(\/[\w./-]*(?:\.pid|[.-]lock))\b/i,
  /\b([\w-]+\.pid)\b/i,
];
/** A directory a neighbouring line names for a relative file (Postgres' HINT: `… running in data directory "/var/lib/postgresql/data"?`). */
const DIRECTORY = /\bdirectory "(\/[^"]+)"/;
const PID = /\bpid[:= ]\s*(\d+)|\(pid (\d+)\)|\bPID[: ]?(\d+)/i;

function readFile(line: string): string | undefined {
  for (const re of FILE_PATTERNS) {
    const m = re.exec(line)?.[1]?.replace(/[.,)]+$/, '');
    if (m !== undefined && /\.pid$|[.-]lock$|\//.test(m)) return m;
  }
  return undefined;
}

/** The refusal in the last lines of a run, with its file made absolute from a directory the lines beside it name. */
function findRefusal(lines: readonly string[]): { line: string; path: string; pid?: number } | undefined {
  const tail = lines.slice(-30).map((l) => l.trim());
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    if (!REFUSED.test(line) || !NAMES_PID_FILE.test(line)) continue;
    const near = tail.slice(Math.max(0, i - 2), i + 3);
    const file = near.map(readFile).find((f) => f !== undefined);
    if (file === undefined) continue;
    const dir = near.map((l) => DIRECTORY.exec(l)?.[1]).find((d) => d !== undefined);
    const path = file.startsWith('/') || dir === undefined ? file : `${dir.replace(/\/+$/, '')}/${file}`;
    const pidText = near.map((l) => PID.exec(l)).find((m) => m !== null);
    const pid = pidText ? Number(pidText[1] ?? pidText[2] ?? pidText[3]) : undefined;
    return { line, path, ...(pid !== undefined && Number.isFinite(pid) ? { pid } : {}) };
  }
  return undefined;
}

/** The volume mounted over `path` in the container, deepest mount first. */
function findHolder(path: string, container: ContainerSpecEvidence, pod: PodEvidence): StalePidFile['on'] | undefined {
  if (!path.startsWith('/')) return undefined;
  const mount = (container.volumeMounts ?? [])
    .filter((m) => path.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = mount === undefined ? undefined : (pod.volumes ?? []).find((v) => v.name === mount.name);
  if (mount === undefined || volume === undefined) return undefined;
  if (volume.source === 'emptyDir') return { kind: 'emptyDir', volume, mountPath: mount.mountPath };
  if (['pvc', 'hostPath', 'nfs', 'csi', 'other'].includes(volume.source)) return { kind: 'persistent', volume, mountPath: mount.mountPath };
  return undefined;
}

/** Kills that leave no time to clean up: the kernel's OOM killer on the node, a liveness or preStop kill of the pod. */
const KILL_REASONS = ['OOMKilling', 'SystemOOM', 'Killing'];
const KILL_BEFORE_MS = 15 * 60_000;

/** The kill the events record on the pods or their nodes in the minutes before the first refused start. */
function findKill(events: readonly EventEvidence[], pods: readonly PodEvidence[], onset: IsoTime | undefined): StalePidFile['killed'] {
  if (onset === undefined) return undefined;
  const nodes = new Set(pods.flatMap((p) => p.nodeName ?? []));
  const names = new Set(pods.map((p) => p.name));
  const kill = events
    .filter((e) => KILL_REASONS.includes(e.reason) && ((e.object.kind === 'Node' && nodes.has(e.object.name)) || (e.object.kind === 'Pod' && names.has(e.object.name))))
    .filter((e) => { const before = msBetween(e.firstSeen, onset); return before >= -60_000 && before <= KILL_BEFORE_MS; })
    .sort((a, b) => Date.parse(a.firstSeen) - Date.parse(b.firstSeen))[0];
  if (kill === undefined) return undefined;
  const what = kill.object.kind === 'Node' ? `node ${kill.object.name}: ${kill.reason} (${kill.message.split(/[,;]/)[0] ?? ''})` : `${kill.object.name}: ${kill.reason} (${kill.message})`;
  return { what, at: kill.firstSeen };
}

/**
 * The pid or lock file the crashed runs of `container` refuse to start over, what holds it, and the
 * kill that left it. Undefined when no such refusal is logged, or its file lies where it could not
 * outlive a run (a ConfigMap, a Secret) or where the spec cannot say.
 */
export function findStalePidFile(input: { lines: readonly string[]; container: ContainerSpecEvidence; pods: readonly PodEvidence[]; events: readonly EventEvidence[]; onset?: IsoTime }): StalePidFile | undefined {
  const refusal = findRefusal(input.lines);
  const pod = input.pods[0];
  if (refusal === undefined || pod === undefined) return undefined;
  const on = findHolder(refusal.path, input.container, pod);
  if (on === undefined) return undefined;
  const killed = findKill(input.events, input.pods, input.onset);
  return { ...refusal, on, ...(killed ? { killed } : {}) };
}

/** How the reading is told: the file, what keeps it, and what clears it. */
export function tellStalePidFile(s: StalePidFile, pods: readonly string[], container: string, now: IsoTime): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const podList = pods.slice(0, 3).join(', ');
  const file = /lock$/i.test(s.path) ? 'lock file' : 'pid file';
  const pidNote = s.pid === 1 ? ` It names pid 1, which in the container's own PID namespace is always alive (the new container's first process), so the check takes the old server for a running one.` : s.pid !== undefined ? ` It names pid ${s.pid}, which a new process in the container may well have again, so the check can find it alive.` : '';
  const killedBy = s.killed ? ` The earlier run was killed (${s.killed.what}, ${formatAgo(s.killed.at, now)}) just before the first refused start, with no chance to remove it.` : ' A run ended by a SIGKILL (an OOM kill, a liveness kill) never removes it.';
  const atStart = `remove ${s.path} before the server starts (e.g. \`rm -f ${s.path}\` in the entrypoint) or write the ${file} outside the volume`;
  if (s.on.kind === 'emptyDir') {
    const vol = `emptyDir ${s.on.volume.name} (mounted at ${s.on.mountPath})`;
    return {
      title: `: a stale ${file} ${s.path} on emptyDir ${s.on.volume.name}, which outlives container restarts`,
      cause: `${container} refuses to start because its ${file} is there ("${s.line}"). The file lies on ${vol}: an emptyDir lives as long as the pod, not the container, so it survives every container restart.${killedBy}${pidNote} Each restart of ${container} finds the stale file and exits; restarting the container or rolling back changes nothing.`,
      action: `Delete ${pods.length === 1 ? 'pod' : 'pods'} ${podList} (a new pod starts with a fresh emptyDir); then ${atStart}, so the next kill does not leave it behind.`,
      fix: `delete the pod for a fresh emptyDir, then ${atStart}`,
      evidence: [`${s.path} lies on ${vol} of ${podList}: it outlives container restarts`, ...(s.killed ? [`earlier run killed: ${s.killed.what}, ${formatAgo(s.killed.at, now)}`] : [])],
    };
  }
  const vol = `volume ${s.on.volume.name} (${s.on.volume.source}${s.on.volume.ref ? ` ${s.on.volume.ref}` : ''}, mounted at ${s.on.mountPath})`;
  return {
    title: `: a stale ${file} ${s.path} on ${s.on.volume.source} volume ${s.on.volume.name}, which outlives the pod`,
    cause: `${container} refuses to start because its ${file} is there ("${s.line}"). The file lies on ${vol}, which outlives both the container and the pod.${killedBy}${pidNote} Every start finds the stale file and exits, in a new pod too; rolling back changes nothing.`,
    action: `Make sure no other process uses that data, then remove ${s.path} from the volume (a debug pod that mounts it); then ${atStart}.`,
    fix: `remove the stale ${s.path} from the volume, then ${atStart}`,
    evidence: [`${s.path} lies on ${vol}: it outlives the pod`, ...(s.killed ? [`earlier run killed: ${s.killed.what}, ${formatAgo(s.killed.at, now)}`] : [])],
  };
}
