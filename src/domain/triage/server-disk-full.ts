/**
 * A server whose own log says its disk is full (ENOSPC): the claim its pod mounts is the volume to
 * grow, and its size is the number to state. Only its PersistentVolumeClaims are named (an
 * emptyDir or a hostPath fills the node's disk, which node-disk-pressure reads).
 */
import type { PodEvidence, PvcEvidence } from './evidence.js';
import { joinAnd } from '../text.js';

/** What a process prints when a write fails on a full filesystem. */
export const DISK_FULL = /No space left on device|\bENOSPC\b|could not extend file .*: No space|disk (?:is )?full/i;

/** At most this many claims of a server's pod are read: its data volume, maybe a WAL volume. */
export const MAX_SERVER_CLAIMS = 2;

/** The claims a server's pod mounts, at most `max`. */
export function listPodClaims(pod: PodEvidence, max = MAX_SERVER_CLAIMS): string[] {
  return [...new Set((pod.volumes ?? []).flatMap((v) => (v.source === 'pvc' && v.ref !== undefined ? [v.ref] : [])))].slice(0, max);
}

/** Where the pod's containers mount a claim ("/data"), when one of them does. */
function mountPathOf(pod: PodEvidence, claim: string): string | undefined {
  const volume = (pod.volumes ?? []).find((v) => v.source === 'pvc' && v.ref === claim)?.name;
  return pod.containers.flatMap((c) => c.volumeMounts ?? []).find((m) => m.name === volume)?.mountPath;
}

/** "data-cart-redis-0 (2Gi, at /data)". */
function describeClaim(pod: PodEvidence, c: PvcEvidence): string {
  const size = c.capacity ?? c.requested;
  const at = mountPathOf(pod, c.name);
  const details = [...(size ? [size] : []), ...(at ? [`at ${at}`] : [])];
  return `${c.name}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** The volume a disk-full server writes to, in words: "volume data-cart-redis-0 (2Gi, at /data)". */
export function describeFullClaims(pod: PodEvidence, claims: readonly PvcEvidence[]): string | undefined {
  if (claims.length === 0) return undefined;
  return `volume${claims.length === 1 ? '' : 's'} ${joinAnd(claims.map((c) => describeClaim(pod, c)))}`;
}

/** The innermost text of a structured line that says the disk is full: MongoDB's `attr.message.msg` and `error_str`, or a `msg`. */
function readFullText(line: string): string | undefined {
  const t = line.trim();
  if (!t.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return undefined;
  }
  // The deepest object whose fields name the failed write (msg) and the errno's words (error_str, error, err).
  const texts: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const said = ['msg', 'message', 'errmsg', 'error_str', 'error', 'err'].map((k) => o[k]).filter((x): x is string => typeof x === 'string');
    if (said.some((s) => DISK_FULL.test(s))) texts.push(said.filter((s, i) => said.indexOf(s) === i).join(': '));
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(parsed, 0);
  return texts.at(-1);
}

/**
 * The line of a crashed server's log that says its disk is full, and its words with the errno
 * first ("No space left on device: … pwrite: failed to write 128 bytes …"): a full data volume
 * stops the server at every start, whatever error its own wrapper logs after it (a storage
 * engine's panic, a fatal assertion). `said` only for a structured line, whose generic message
 * would hide the errno; undefined when no line says so.
 */
export function findDiskFullLine(lines: readonly string[]): { line: string; said?: string } | undefined {
  const line = [...lines].reverse().find((l) => DISK_FULL.test(l));
  if (line === undefined) return undefined;
  // A plain line already says it in its own order ("java.io.IOException: No space left on device"): the caller shortens it as any other.
  const text = readFullText(line);
  if (text === undefined) return { line };
  const errno = DISK_FULL.exec(text)?.[0] ?? 'No space left on device';
  const rest = text.replace(DISK_FULL, '').replace(/[:\s,;-]+$/, '').replace(/^[:\s,;-]+/, '').replace(/:\s*:/g, ':');
  return { line, said: rest === '' ? errno : `${errno}: ${rest}` };
}
