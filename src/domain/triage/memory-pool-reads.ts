/**
 * Where a container was OOM-killed at its limit, the ConfigMaps it mounts may hold the setting
 * that sized its memory pool (postgresql.conf's shared_buffers, my.cnf's innodb_buffer_pool_size,
 * mongod.conf's cacheSizeGB, redis.conf's maxmemory): which to read, and what of them to keep.
 * Conditional on an OOM kill, bounded, and never a Secret; only those settings are kept.
 */
import type { IsoTime, PodEvidence } from './evidence.js';
import type { MemoryPoolConfigEvidence } from './evidence-memory-pool-config.js';
import { MEMORY_POOL_SETTINGS } from './memory-pool.js';
import { listTerminations } from './pod-status.js';
import { findConfigFileSettings } from './server-config-file.js';

/** At most this many ConfigMaps read. */
const MAX_READS = 2;

export interface MemoryPoolConfigRead {
  configMap: string;
  container: string;
}

/** The ConfigMaps the OOM-killed containers (with a memory limit) mount, at most two. */
export function pickMemoryPoolConfigReads(pods: readonly PodEvidence[], now: IsoTime): MemoryPoolConfigRead[] {
  const hits = listTerminations(pods, now, (term, ref) => term.reason === 'OOMKilled' && ref.container.resources.limits['memory'] !== undefined);
  const reads = hits.flatMap(({ ref }) => {
    const mounted = new Set((ref.container.volumeMounts ?? []).map((m) => m.name));
    return (ref.pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined && mounted.has(v.name) ? [{ configMap: v.ref, container: ref.container.name }] : []));
  });
  const seen = new Set<string>();
  return reads.filter((r) => !seen.has(r.configMap) && seen.add(r.configMap)).slice(0, MAX_READS);
}

/** The memory-pool settings a ConfigMap read for `read` sets, from every key. */
export function keepMemoryPoolSettings(read: MemoryPoolConfigRead, data: Readonly<Record<string, string>>): MemoryPoolConfigEvidence[] {
  return findConfigFileSettings(data, MEMORY_POOL_SETTINGS).map((s) => ({ configMap: read.configMap, container: read.container, ...s }));
}
