/**
 * What the failing pods' revision changed in how a server container is configured, read from the
 * revision diff alone: it now starts from a config file that lies in a ConfigMap or Secret volume
 * (`redis-server /usr/local/etc/redis/redis.conf`, mounted from ConfigMap session-redis-config),
 * or it set an env var that names a password. A store that starts refusing its own probe's login
 * after such a revision most likely has its password requirement from there; the file's contents
 * are not read (a ConfigMap's data may hold the password itself), so this is told as the likely source.
 */
import type { PodEvidence, RevisionContainerEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { unique } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';

export interface ServerConfigOrigin {
  revision: number;
  /** The revision before it: what a rollback would return to. */
  previous: number;
  /** A clause after "which": "starts redis from /usr/local/etc/redis/redis.conf, mounted from ConfigMap session-redis-config". */
  told: string;
}

/** Env names that carry a password or an auth setting. */
const AUTH_ENV = /PASS|AUTH|ACL|PWD/i;

function argvOf(c: RevisionContainerEvidence | undefined): string[] {
  return [...(c?.command ?? []), ...(c?.args ?? [])];
}

/** A file path the container is started with that lies under a ConfigMap or Secret volume, and that volume. */
function findConfigFile(revision: RevisionEvidence, c: RevisionContainerEvidence): { path: string; kind: string; name: string } | undefined {
  const volumes = revision.template?.volumes ?? [];
  for (const token of argvOf(c)) {
    const path = token.replace(/^--?[\w.-]+=/, '');
    if (!path.startsWith('/')) continue;
    const mount = (c.volumeMounts ?? [])
      .filter((m) => path === m.mountPath || path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`))
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    const volume = volumes.find((v) => v.name === mount?.name);
    if (volume?.ref === undefined || (volume.source !== 'configMap' && volume.source !== 'secret')) continue;
    return { path, kind: volume.source === 'configMap' ? 'ConfigMap' : 'Secret', name: volume.ref };
  }
  return undefined;
}

/** The failing pods' revision, when they share one and it changed how `container` is configured. */
export function findServerConfigOrigin(ev: TriageEvidence, pods: readonly PodEvidence[], container: string): ServerConfigOrigin | undefined {
  const hashes = unique(pods.flatMap((p) => (p.revisionHash ? [p.revisionHash] : [])));
  if (hashes.length !== 1) return undefined;
  const sorted = sortRevisions(ev.revisions);
  const at = sorted.findIndex((r) => r.hash === hashes[0]);
  const revision = sorted[at];
  const previous = sorted[at + 1];
  if (revision === undefined || previous === undefined) return undefined;
  const now = revision.containers.find((c) => c.name === container);
  const before = previous.containers.find((c) => c.name === container);
  if (now === undefined || before === undefined) return undefined;

  const file = findConfigFile(revision, now);
  const was = findConfigFile(previous, before);
  if (file !== undefined && (was === undefined || was.path !== file.path || was.name !== file.name || JSON.stringify(argvOf(now)) !== JSON.stringify(argvOf(before)))) {
    return { revision: revision.revision, previous: previous.revision, told: `starts ${container} from ${file.path}, mounted from ${file.kind} ${file.name}` };
  }
  const key = (e: RevisionContainerEvidence['env'][number]) => JSON.stringify(e);
  const had = new Set(before.env.map(key));
  const changed = now.env.filter((e) => AUTH_ENV.test(e.name) && !had.has(key(e))).map((e) => e.name);
  if (changed.length > 0) return { revision: revision.revision, previous: previous.revision, told: `sets ${changed.join(', ')} in ${container}'s env` };
  return undefined;
}
