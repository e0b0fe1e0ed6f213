// The ConfigMaps the workload's pods read through a subPath mount or env (never refreshed in a
// running container), read only when their current logs say a host they name does not resolve or
// refuses connections (a retired Service)
// (stale-config-mount.ts): a get of each, at most two. Only whether the data still names that
// host, the lines naming a host like it, and the time and manager of the newest write of its data
// are kept; the rest of the data is dropped at once. Never a Secret.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { StaleConfigEvidence } from '../../domain/triage/evidence-stale-config.js';
import { findHostLines, pickStaleConfigRead } from '../../domain/triage/stale-config-mount.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { newestDataWrite } from './read-reload-config.js';

export async function readStaleConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<StaleConfigEvidence[] | undefined> {
  const wanted = pickStaleConfigRead(seen);
  if (wanted === undefined) return undefined;
  const got = await getConfigMaps(ctx, wanted.configMaps, 'ConfigMaps read through subPath or env by pods whose dependency host does not resolve', (name) => name);
  return got.map(({ item, value }) => {
    const write = newestDataWrite(value.metadata);
    return {
      configMap: item,
      host: wanted.host,
      ...findHostLines(value.data ?? {}, wanted.host),
      ...(write?.at ? { changedAt: write.at } : {}),
      ...(write?.manager ? { changedBy: write.manager } : {}),
    };
  });
}
