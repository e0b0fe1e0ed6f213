/**
 * A rename refused across filesystems: EXDEV ("invalid cross-device link", "cross-device link not
 * permitted", Python's "OSError: [Errno 18]", Java's AtomicMoveNotSupportedException). rename(2)
 * only moves a name within one filesystem; a process that writes a file in a temporary directory
 * and renames it into place fails on every file once the two directories sit on different mounts
 * (an emptyDir beside a PersistentVolumeClaim, a volume beside the container's own filesystem).
 * The mounts are named from the containers' volumeMounts when their paths prefix the quoted ones;
 * the revision that moved one of the directories (an env value or a mount it changed) dates it.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, RevisionEvidence, VolumeEvidence, VolumeMountEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { findDeepestMount, isUnderDir } from './mount-path.js';

const REFUSED = /\bEXDEV\b|\binvalid cross-device link\b|\bcross-device link not permitted\b|\[Errno 18\]|\bAtomicMoveNotSupportedException\b/i;
/** The two paths of the refused rename, in the runtimes' own words. */
const PATHS = [
  // Go: "rename /a/b /c/d: invalid cross-device link"
  /\brename (\/\S+) (\/\S+?):\s*invalid cross-device link/i,
  // Node: "EXDEV: cross-device link not permitted, rename '/a/b' -> '/c/d'"; Python: "[Errno 18] Invalid cross-device link: '/a/b' -> '/c/d'"
  /['"](\/[^'"]+)['"]\s*->\s*['"](\/[^'"]+)['"]/,
  // Java: "AtomicMoveNotSupportedException: /a/b -> /c/d: Invalid cross-device link"
  /\b(\/\S+) -> (\/\S+?):/,
];

interface Placed { path: string; mount?: VolumeMountEvidence; volume?: VolumeEvidence }

function readPaths(line: string): [string, string] | undefined {
  for (const re of PATHS) {
    const m = re.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) return [m[1], m[2]];
  }
  return undefined;
}

/** The mount (longest path prefix) a path sits on, and the volume behind it. */
function place(path: string, mounts: readonly VolumeMountEvidence[], volumes: readonly VolumeEvidence[]): Placed {
  const mount = findDeepestMount(path, mounts);
  const volume = mount !== undefined ? volumes.find((v) => v.name === mount.name) : undefined;
  return { path, ...(mount ? { mount } : {}), ...(volume ? { volume } : {}) };
}

function describe(p: Placed): string {
  if (p.mount === undefined) return 'the container\'s own filesystem';
  const v = p.volume;
  const kind = v === undefined ? 'volume' : v.source === 'pvc' ? `PVC ${v.ref ?? v.name}` : v.source === 'emptyDir' ? `emptyDir${v.medium === 'Memory' ? ' (memory)' : ''}` : `${v.source}${v.ref ? ` ${v.ref}` : ''}`;
  return `${p.mount.mountPath} (volume ${p.mount.name}: ${kind})`;
}

function dirOf(path: string): string {
  return path.replace(/\/[^/]*$/, '') || '/';
}

/** The newest revision's change that moved one of the directories: an env value that holds a path above it, or a mount. */
function findMove(revisions: readonly RevisionEvidence[], paths: readonly string[]): { revision: number; before: number; told: string } | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const envOf = (r: RevisionEvidence) => new Map(r.containers.flatMap((c) => c.env ?? []).flatMap((e) => ('value' in e ? [[e.name, e.value] as const] : [])));
  const now = envOf(newest);
  const was = envOf(previous);
  for (const [name, value] of now) {
    if (was.get(name) === value || !value.startsWith('/')) continue;
    if (paths.some((p) => isUnderDir(p, value))) return { revision: newest.revision, before: previous.revision, told: `${name} ${was.get(name) ?? 'unset'} → ${value}` };
  }
  const mountsOf = (r: RevisionEvidence) => r.containers.flatMap((c) => c.volumeMounts ?? []);
  const added = mountsOf(newest).find((m) => !mountsOf(previous).some((o) => o.mountPath === m.mountPath && o.name === m.name) && paths.some((p) => isUnderDir(p, m.mountPath)));
  return added !== undefined ? { revision: newest.revision, before: previous.revision, told: `mounted volume ${added.name} at ${added.mountPath}` } : undefined;
}

export function explainCrossDeviceRename(errors: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'volumeMounts'>[], volumes: readonly VolumeEvidence[], revisions: readonly RevisionEvidence[]): ClientDiagnosis | undefined {
  const line = [...errors].reverse().find((l) => REFUSED.test(l));
  if (line === undefined) return undefined;
  const paths = readPaths(line);
  const mounts = containers.flatMap((c) => c.volumeMounts ?? []);
  const from = paths ? place(paths[0], mounts, volumes) : undefined;
  const to = paths ? place(paths[1], mounts, volumes) : undefined;
  const split = from !== undefined && to !== undefined && (from.mount?.mountPath !== to.mount?.mountPath || from.mount?.name !== to.mount?.name);
  const where = split ? `: the source ${dirOf(from.path)} is on ${describe(from)}, the destination on ${describe(to)}` : '';
  const move = paths ? findMove(revisions, paths.map(dirOf)) : undefined;
  const reading = `renames fail across filesystems (EXDEV, invalid cross-device link)${where}`;
  const summary = `${reading}${move !== undefined ? ` — revision ${move.revision} moved ${move.told}` : ''}`;
  return {
    summary,
    title: (logs) => `${reading.charAt(0).toUpperCase()}${reading.slice(1)} in the ${logs}`,
    likelyCause: `rename(2) only moves a name within one filesystem: the process writes each file in one directory and renames it into another, and the kernel refuses with EXDEV when the two are on different mounts${split ? ` (${describe(from)} and ${describe(to)})` : ''}. Every such write fails while the pods stay Ready${move !== undefined ? `; revision ${move.revision} moved one of them (${move.told}), where revision ${move.before} kept both on one filesystem` : ''}.`,
    nextAction: `${move !== undefined ? `Roll back to revision ${move.before}, or ` : ''}keep the temporary directory on the same volume as the destination${split ? ` (under ${to.mount?.mountPath ?? dirOf(to.path)})` : ''}; code that must cross volumes copies and then deletes instead of renaming.`,
    fix: 'keep the temporary directory on the same volume as the destination (or copy and delete instead of renaming)',
  };
}
