// Where a pod's log says the primary already removed the WAL segment it needs (a standby that was
// away too long), a get of the ConfigMaps it mounts (at most two: pickWalRetentionReads), for how
// much WAL its members keep (wal_keep_size, max_slot_wal_keep_size, archive_mode). Only those
// settings are kept; the rest of the data is dropped at once. Never a Secret; nothing at all without that line.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ServerConfigEvidence } from '../../domain/triage/evidence-server-config.js';
import { keepWalRetentionSettings, pickWalRetentionReads } from '../../domain/triage/standby-wal-gap.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readWalRetentionConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<ServerConfigEvidence[]> {
  const wanted = pickWalRetentionReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps of a standby whose WAL was removed, for how much WAL is kept', (name) => name);
  return got.flatMap(({ item, value }) => keepWalRetentionSettings(item, value.data ?? {}));
}
