/** A path against the directories and mounts that may hold it. */
import type { VolumeMountEvidence } from './evidence-spec.js';

/** Whether `path` is `dir` or lies under it ("/data/a" under "/data/", not under "/dat"); an empty dir holds nothing. */
export function isUnderDir(path: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  return d !== '' && (path === d || path.startsWith(`${d}/`));
}

/** The deepest of `mounts` that holds `path`: the volume a file at that path is really on. */
export function findDeepestMount<M extends Pick<VolumeMountEvidence, 'mountPath'>>(path: string, mounts: readonly M[]): M | undefined {
  return mounts.filter((m) => isUnderDir(path, m.mountPath)).sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}
