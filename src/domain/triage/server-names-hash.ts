/**
 * nginx refuses to start when a server_name is too long for its hash buckets: "[emerg] could not
 * build server_names_hash, you should increase server_names_hash_bucket_size: 64". The bucket size
 * defaults to the CPU's cache line (64 on most nodes), so a long name added to a server block (a
 * preview host, a long internal domain) stops every nginx that reads the file from then on, while
 * those already running keep the config they loaded. The name and the file it is in (a ConfigMap
 * the container mounts) say what to change: the bucket size in the http block, or the name.
 */
import type { LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { ServerNamesEvidence } from './evidence-server-names.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';
import { findNginxDirective } from './proxy-body-limit.js';
import type { ToldReading } from './told-reading.js';

const HASH_REFUSAL = /could not build server_names_hash, you should increase server_names_hash_bucket_size: (\d+)/;
export const BUCKET_SETTING = 'server_names_hash_bucket_size';

/** The bucket size nginx refused at, from a line of its log; undefined when the line is not that refusal. */
export function readRefusedBucketSize(line: string): number | undefined {
  const m = HASH_REFUSAL.exec(line);
  return m === null ? undefined : Number(m[1]);
}

/** What to read: the ConfigMap mounted now by the first container whose log (a crashed run's first) carries the refusal. Never a Secret. */
export function pickServerNamesReads(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): MountedConfigRead[] {
  const logs = [...seen.logs].sort((a, b) => Number(b.previous) - Number(a.previous));
  const log = logs.find((l) => l.lines.some((line) => readRefusedBucketSize(line) !== undefined));
  if (log === undefined) return [];
  return pickMountedConfigReads(seen.pods, seen.revisions, log.pod, log.container).filter((r) => r.mountedNow);
}

/** Every name of the server_name directives of an nginx config text, comments left out; regular expressions (~…) and wildcards kept as written. */
export function listServerNames(text: string): string[] {
  return findNginxDirectiveLists(text, 'server_name').flatMap((names) => names.split(/\s+/)).filter((n) => n !== '' && n !== '""' && n !== '_');
}

/** The longest server_name and the bucket size the text sets; undefined when it names no server. */
export function readServerNames(text: string): { longest: string; bucketSize?: string } | undefined {
  const longest = listServerNames(text).sort((a, b) => b.length - a.length)[0];
  if (longest === undefined) return undefined;
  const bucketSize = findNginxDirective(text, BUCKET_SETTING).at(-1);
  return { longest, ...(bucketSize !== undefined ? { bucketSize } : {}) };
}

/** The whole argument lists of a directive (`server_name a b c;`), comments left out. */
function findNginxDirectiveLists(text: string, name: string): string[] {
  const uncommented = text.split('\n').map((l) => l.replace(/#.*$/, '')).join('\n');
  return [...uncommented.matchAll(new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;]+);`, 'g'))].map((m) => (m[1] ?? '').trim());
}

/** The next power of two that holds the name with room for nginx's own bytes; at least twice the refused size. */
export function suggestBucketSize(refused: number, longest: string | undefined): number {
  let size = Math.max(refused * 2, 128);
  while (longest !== undefined && longest.length + 16 > size) size *= 2;
  return size;
}

/** How the refusal is told: the name that does not fit, where it is, and the two ways out. */
export function tellServerNamesHash(refused: number, found: ServerNamesEvidence | undefined): ToldReading & { evidence: string[] } {
  const size = suggestBucketSize(refused, found?.longest);
  const where = found !== undefined ? ` in ConfigMap ${found.configMap} (${found.key})` : ' in the config file it reads';
  const name = found !== undefined ? `server_name ${found.longest} (${found.longest.length} characters)` : 'a server_name';
  const fix = `add \`${BUCKET_SETTING} ${size};\` at http level (outside the server blocks)${where}${found !== undefined ? `, or shorten or remove ${found.longest}` : ', or shorten the longest server_name'}; the failing pods read it at their next restart`;
  return {
    title: `: ${name}${found !== undefined ? where : ''} does not fit nginx's ${BUCKET_SETTING} ${found?.bucketSize ?? refused}`,
    cause: `nginx puts every server_name into a hash whose buckets are ${found?.bucketSize ?? refused} bytes (${found?.bucketSize !== undefined ? 'as the file sets it' : 'the default, the CPU\'s cache line'}); a name too long for a bucket stops it at start ("could not build server_names_hash"). Every nginx that starts with this config fails the same way, whatever the revision; those already running keep the config they loaded until they restart.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Rolling back would not help: new pods of any revision read the same config.`,
    fix,
    evidence: found !== undefined ? [`ConfigMap ${found.configMap} (${found.key}): the longest server_name is ${found.longest} (${found.longest.length} characters); ${found.bucketSize !== undefined ? `${BUCKET_SETTING} ${found.bucketSize}` : `no ${BUCKET_SETTING} set (default ${refused})`}`] : [],
  };
}
