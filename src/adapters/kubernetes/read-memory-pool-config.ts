// Where a container of the workload was OOM-killed at its memory limit, a get of the ConfigMaps it
// mounts (at most two: pickMemoryPoolConfigReads), for the setting that sizes a server's memory
// pool (shared_buffers, innodb_buffer_pool_size, cacheSizeGB, maxmemory). Only those settings are
// kept; the rest of the data is dropped at once. Never a Secret; nothing at all without an OOM kill.
import type { PodEvidence } from '../../domain/triage/evidence.js';
import type { MemoryPoolConfigEvidence } from '../../domain/triage/evidence-memory-pool-config.js';
import { keepMemoryPoolSettings, pickMemoryPoolConfigReads } from '../../domain/triage/memory-pool-reads.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readMemoryPoolConfig(ctx: CollectContext, pods: readonly PodEvidence[], now: string): Promise<MemoryPoolConfigEvidence[]> {
  const wanted = pickMemoryPoolConfigReads(pods, now);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps an OOM-killed container mounts, for the size of its memory pool', (w) => w.configMap);
  return got.flatMap(({ item, value }) => keepMemoryPoolSettings(item, value.data ?? {}));
}
