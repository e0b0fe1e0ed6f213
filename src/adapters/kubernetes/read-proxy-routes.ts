// The prefix locations of an nginx in the workload's pods and the proxy_pass each holds, where its
// access log answers 404 to most requests under one prefix, on many paths (proxy-prefix-strip.ts):
// a get of the ConfigMap its container mounts and of the one the revision before mounted under the
// same volume (at most two: pickPrefixRouteReads). Only the location prefixes, their proxy_pass and
// whether the block rewrites are kept; the rest of the data is dropped at once. Never a Secret;
// nothing at all when no access log misses that way.
import type { LogEvidence, PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { ProxyRouteEvidence } from '../../domain/triage/evidence-proxy-routes.js';
import { findLocationPasses, pickPrefixRouteReads } from '../../domain/triage/proxy-prefix-strip.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readProxyRoutes(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): Promise<ProxyRouteEvidence[]> {
  const wanted = pickPrefixRouteReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps mounted by a proxy that answers 404 under one prefix', (w) => w.configMap);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) =>
      findLocationPasses(text).map((l) => ({ configMap: item.configMap, key, location: l.location, ...(l.proxyPass !== undefined ? { proxyPass: l.proxyPass } : {}), rewrites: l.rewrites, mountedNow: item.mountedNow })),
    ),
  );
}
