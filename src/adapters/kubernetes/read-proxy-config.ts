// The body-size limit of an nginx in the workload's pods that refuses request bodies again and
// again (413): a get of the ConfigMap its container mounts and of the one the revision before mounted
// under the same volume (at most two: pickProxyConfigReads). The limit lives only in that file, and
// its value now and before is what to restore; only client_max_body_size is kept, the rest of the
// data is dropped at once. Never a Secret; nothing at all when no log refuses bodies.
import type { LogEvidence, PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../domain/triage/evidence-proxy-config.js';
import { BODY_LIMIT_SETTING, findNginxDirective, pickProxyConfigReads } from '../../domain/triage/proxy-body-limit.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readProxyConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): Promise<ProxyConfigEvidence[]> {
  const wanted = pickProxyConfigReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps mounted by a proxy that refuses request bodies', (w) => w.configMap);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) =>
      findNginxDirective(text, BODY_LIMIT_SETTING).map((v) => ({ configMap: item.configMap, key, setting: BODY_LIMIT_SETTING, value: v, mountedNow: item.mountedNow })),
    ),
  );
}
