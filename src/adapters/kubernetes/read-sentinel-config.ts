// The master set names the namespace's Redis Sentinels monitor, where the workload's logs say
// Sentinel knows no master by the name the client asks for ("No master found for 'mymaster'",
// "ERR No such master with that name"): a get of the namespace's ConfigMaps whose key names carry
// "sentinel" (from the namespace's list; at most MAX_SENTINEL_CONFIGS), keeping only the names of
// their `sentinel monitor` lines. Never a Secret; nothing at all while the logs show no such lookup.
import type { LogEvidence } from '../../domain/triage/evidence.js';
import type { NamespaceObjectEvidence } from '../../domain/triage/evidence-context.js';
import type { SentinelConfigEvidence } from '../../domain/triage/evidence-sentinel-config.js';
import { pickSentinelConfigReads, readSentinelMonitors } from '../../domain/triage/sentinel-master-name.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readSentinelConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; namespaceObjects: readonly NamespaceObjectEvidence[] }): Promise<SentinelConfigEvidence[]> {
  const wanted = pickSentinelConfigReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps holding a Redis Sentinel config, for the master set names it monitors', (name) => name);
  return got.flatMap(({ item, value }) => {
    const changedAt = seen.namespaceObjects.find((o) => o.kind === 'ConfigMap' && o.name === item)?.changedAt;
    return Object.entries(value.data ?? {}).flatMap(([key, text]) => {
      const monitors = readSentinelMonitors(text);
      return monitors.length === 0 ? [] : [{ configMap: item, key, monitors, ...(changedAt ? { changedAt } : {}) }];
    });
  });
}
