// The JVM's DNS cache TTL from the java.security file its container mounts from a ConfigMap
// (-Djava.security.properties), where the workload's pods fail to connect to a host's address while
// others reach the same host at another (dns-cache-split.ts): a get of each such ConfigMap (at most
// two: pickDnsCacheConfigReads), keeping only its networkaddress.cache.ttl / sun.net.inetaddr.ttl
// lines; the rest of the data is dropped at once. Never a Secret; nothing at all without that split.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { DnsCacheConfigEvidence } from '../../domain/triage/evidence-dns-cache-config.js';
import { keepDnsCacheLines, pickDnsCacheConfigReads } from '../../domain/triage/dns-cache-split.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readDnsCacheConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<DnsCacheConfigEvidence[]> {
  const wanted = pickDnsCacheConfigReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps holding the JVM\'s java.security file, where pods fail on a host\'s old address', (w) => w.configMap);
  return got.flatMap(({ item, value }) => keepDnsCacheLines(item.configMap, value.data ?? {}));
}
