// Envoy in the pods failing requests at its rate-limit service again and again (500 RLSE): one get
// of the ConfigMap its container mounts (only the ratelimit filter's failure_mode_deny, cluster and
// that cluster's address are kept), and where that address is a Service of the namespace, the
// namespace's Deployments (listed once per triage) for the one the Service selects: its replicas
// and kube-downscaler's annotations. Never a Secret; nothing at all without RLSE in the log.
import type { LogEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type { RateLimitBackendEvidence, RateLimitServiceEvidence } from '../../domain/triage/evidence-rate-limit-service.js';
import { pickRateLimitFilterRead, readRateLimitFilter, serviceOfAddress } from '../../domain/triage/envoy-rate-limit-error.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';

const DOWNSCALER = /^downscaler\//;

export async function readRateLimitService(
  ctx: CollectContext,
  seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; collectedAt: string },
): Promise<RateLimitServiceEvidence | undefined> {
  const wanted = pickRateLimitFilterRead(seen);
  if (wanted === undefined) return undefined;
  const got = await getConfigMaps(ctx, [wanted], 'the ConfigMap of an Envoy whose rate-limit calls fail (500 RLSE)', (w) => w.configMap);
  const filters = got.flatMap(({ item, value }) => Object.entries(value.data ?? {}).flatMap(([key, text]) => {
    const f = readRateLimitFilter(text);
    return f === undefined ? [] : [{ configMap: item.configMap, key, ...f }];
  }));
  const filter = filters[0];
  const target = serviceOfAddress(filter?.address, ctx.namespace);
  const service = target?.namespace === ctx.namespace ? seen.services.find((s) => s.name === target.name) : undefined;
  let backend: RateLimitBackendEvidence | undefined;
  if (service !== undefined && Object.keys(service.selector).length > 0) {
    const list = await listNamespaceDeployments(ctx, `Envoy's rate-limit service ${service.name} fails its calls: which Deployment serves it`, 'services');
    const d = list.items.find((x) => {
      const labels = x.spec?.template.metadata?.labels ?? {};
      return Object.entries(service.selector).every(([k, v]) => labels[k] === v);
    });
    if (d?.metadata?.name !== undefined) {
      const annotations = Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => DOWNSCALER.test(k)));
      const changed = (d.status?.conditions ?? []).map((c) => c.lastUpdateTime ?? c.lastTransitionTime).filter((t): t is Date => t !== undefined).map((t) => new Date(t).toISOString()).sort().at(-1);
      backend = { service: service.name, deployment: d.metadata.name, replicas: d.spec?.replicas ?? 1, readyReplicas: d.status?.readyReplicas ?? 0, downscaler: annotations, ...(changed !== undefined ? { changedAt: changed } : {}) };
    }
  }
  return { ...(filter !== undefined ? { filter } : {}), ...(backend !== undefined ? { backend } : {}) };
}
