// The body-size limit of an nginx in the workload's pods that refuses request bodies again and
// again (413): a get of the ConfigMap its container mounts and of the one the revision before mounted
// under the same volume (at most two: pickProxyConfigReads). The limit lives only in that file, and
// its value now and before is what to restore; only client_max_body_size is kept, the rest of the
// data is dropped at once. The same reads, and only its proxy_pass and resolver lines, for an nginx
// whose log has no resolver for its upstream (nginx-no-resolver.ts). Never a Secret; nothing at all
// when no log refuses bodies or lacks a resolver.
import type { LogEvidence, PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../domain/triage/evidence-proxy-config.js';
import { BODY_LIMIT_SETTING, findNginxDirective, pickProxyConfigReads } from '../../domain/triage/proxy-body-limit.js';
import { RESOLVER_SETTINGS, pickResolverConfigReads } from '../../domain/triage/nginx-no-resolver.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readProxyConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): Promise<ProxyConfigEvidence[]> {
  const bodyLimit = pickProxyConfigReads(seen);
  const wanted = bodyLimit.length > 0 ? bodyLimit : pickResolverConfigReads(seen);
  if (wanted.length === 0) return [];
  const settings: readonly string[] = bodyLimit.length > 0 ? [BODY_LIMIT_SETTING] : RESOLVER_SETTINGS;
  const label = bodyLimit.length > 0 ? 'ConfigMaps mounted by a proxy that refuses request bodies' : 'ConfigMaps mounted by a proxy with no resolver for its upstream';
  const got = await getConfigMaps(ctx, wanted, label, (w) => w.configMap);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) =>
      settings.flatMap((setting) => findNginxDirective(text, setting).map((v) => ({ configMap: item.configMap, key, setting, value: v, mountedNow: item.mountedNow }))),
    ),
  );
}
