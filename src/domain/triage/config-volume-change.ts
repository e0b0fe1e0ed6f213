/**
 * A revision that mounts another ConfigMap (or Secret) under the same volume: a generated name
 * (Kustomize's configMapGenerator, Helm's checksum) changes with every edit of the file it holds,
 * so the revision changed that file's contents — a server's settings file (php-fpm's pool, nginx's
 * conf) — though the template diff only shows a new name.
 */
import type { RevisionEvidence } from './evidence.js';

/** Mechanisms whose limit a server reads from a mounted settings file → the containers or paths that file is mounted for. */
const SETTINGS_FILES: [RegExp, RegExp][] = [
  [/^resource-exhaustion\/php-fpm-workers$/, /php|fpm/i],
  // nginx's client_max_body_size lives in its nginx.conf, usually a mounted ConfigMap.
  [/^container-config\/proxy-body-limit\//, /nginx/i],
  // So do its worker_connections and worker_processes.
  [/^resource-exhaustion\/nginx-worker-connections\//, /nginx/i],
];

export interface ConfigVolumeChange {
  volume: string;
  kind: 'ConfigMap' | 'Secret';
  was: string;
  now: string;
  /** Where the new revision mounts it: `php-fpm at /usr/local/etc/php-fpm.d/zz-www.conf`. */
  mounts: string[];
}

/**
 * The volumes of `newer` whose ConfigMap or Secret differs from `older`'s volume of the same name;
 * those a container named by `prefer` mounts (or mounted at a path it names) first.
 */
export function findConfigVolumeChanges(older: RevisionEvidence, newer: RevisionEvidence, prefer?: RegExp): ConfigVolumeChange[] {
  const changes: ConfigVolumeChange[] = [];
  for (const v of newer.template?.volumes ?? []) {
    if (v.source !== 'configMap' && v.source !== 'secret') continue;
    const was = older.template?.volumes.find((o) => o.name === v.name && o.source === v.source);
    if (was?.ref === undefined || v.ref === undefined || was.ref === v.ref) continue;
    const mounts = newer.containers.flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === v.name).map((m) => `${c.name} at ${m.mountPath}`));
    changes.push({ volume: v.name, kind: v.source === 'configMap' ? 'ConfigMap' : 'Secret', was: was.ref, now: v.ref, mounts });
  }
  const preferred = (c: ConfigVolumeChange): number => (prefer !== undefined && c.mounts.some((m) => prefer.test(m)) ? 0 : 1);
  return changes.sort((a, b) => preferred(a) - preferred(b));
}

/** "volume fpm-pool (php-fpm at /usr/local/etc/php-fpm.d/zz-www.conf) now mounts ConfigMap catalog-web-fpm-8m4d6c2fbt instead of catalog-web-fpm-5g7t2k9hbm". */
export function describeConfigVolumeChange(c: ConfigVolumeChange): string {
  return `volume ${c.volume}${c.mounts.length > 0 ? ` (${c.mounts.slice(0, 2).join(', ')})` : ''} now mounts ${c.kind} ${c.now} instead of ${c.was}`;
}

/** For a mechanism set in a mounted settings file, the revision's change to that file (a new ConfigMap behind its volume), told; else undefined. */
export function pickSettingsFileChange(mechanismId: string | undefined, older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  const prefer = SETTINGS_FILES.find(([id]) => mechanismId !== undefined && id.test(mechanismId))?.[1];
  if (prefer === undefined) return undefined;
  const change = findConfigVolumeChanges(older, newer, prefer)[0];
  return change === undefined ? undefined : describeConfigVolumeChange(change);
}
