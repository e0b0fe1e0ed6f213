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
