// Where the workload's logs show its connection pool exhausted again and again (ActiveRecord's
// ConnectionTimeoutError, HikariCP's "Connection is not available", SQLAlchemy's QueuePool limit,
// at least 3), a get of the ConfigMaps the logging container mounts, then of those it takes
// variables from (at most two: pickPoolConfigReads). Only the pool's lines are kept (its size,
// overflow and checkout timeout; pool and thread variables); the rest of the data is dropped at
// once. Never a Secret; nothing at all while no log shows the pool exhausted.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { PoolConfigEvidence } from '../../domain/triage/evidence-pool-config.js';
import { keepPoolSettings, pickPoolConfigReads } from '../../domain/triage/pool-config.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readPoolConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<PoolConfigEvidence[]> {
  const wanted = pickPoolConfigReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps of pods whose connection pool is exhausted, for its size', (w) => w.configMap);
  return got.flatMap(({ item, value }) => keepPoolSettings(item, value.data ?? {}));
}
