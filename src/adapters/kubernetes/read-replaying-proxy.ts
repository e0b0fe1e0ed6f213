// The nginx of the namespace in front of the workload that replays non-idempotent requests, where
// the workload's current log shows requests performed twice (a duplicate charge, an idempotency key
// seen again) and it serves through Services: the namespace's Deployments (listed once per triage), of
// them at most two whose container runs nginx (by image) and mounts a ConfigMap; a get of those
// ConfigMaps, of which only a `proxy_next_upstream … non_idempotent` line (and proxy_read_timeout) of
// a config naming one of the workload's Services is kept. No pods or logs are read.
import type * as k8s from '@kubernetes/client-node';
import type { LogEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import { type ReplayingProxyEvidence, hasDuplicateRequests, isNginxImage, readNonIdempotentRetry } from '../../domain/triage/evidence-replaying-proxy.js';
import { serviceHosts } from '../../domain/triage/haproxy-backend-queue.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';

const MAX_PROXIES = 2;

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function nginxMount(d: k8s.V1Deployment): string | undefined {
  const spec = d.spec?.template.spec;
  const c = spec?.containers.find((x) => isNginxImage(x.image ?? ''));
  const mounts = new Set((c?.volumeMounts ?? []).map((m) => m.name));
  return c === undefined ? undefined : (spec?.volumes ?? []).find((v) => v.configMap?.name !== undefined && mounts.has(v.name))?.configMap?.name;
}

export async function readReplayingProxy(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; workload: string }): Promise<ReplayingProxyEvidence | undefined> {
  if (!hasDuplicateRequests(seen.logs)) return undefined;
  const own = seen.services.filter((s) => seen.pods.some((p) => selects(s.selector, p.labels)));
  if (own.length === 0) return undefined;
  const list = await listNamespaceDeployments(ctx, 'the workload performs requests twice: which nginx of the namespace replays them', 'services');
  const proxies = list.items
    .filter((d) => d.metadata?.name !== seen.workload)
    .flatMap((d) => { const configMap = nginxMount(d); return configMap === undefined ? [] : [{ d, configMap }]; })
    .slice(0, MAX_PROXIES);
  if (proxies.length === 0) return undefined;
  const hosts = own.flatMap((s) => [...serviceHosts(s.name, ctx.namespace), `//${s.name}:`, `//${s.name};`, `//${s.name}/`]);
  const got = await getConfigMaps(ctx, proxies, 'ConfigMaps of nginx Deployments of the namespace (does one replay non-idempotent requests to the workload)', (p) => p.configMap);
  for (const { item, value } of got) {
    for (const [key, text] of Object.entries(value.data ?? {})) {
      const found = readNonIdempotentRetry(text, hosts);
      if (found === undefined) continue;
      const d = item.d;
      const revision = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision']);
      const changeCause = d.metadata?.annotations?.['kubernetes.io/change-cause'];
      return {
        deployment: d.metadata?.name ?? '',
        configMap: item.configMap,
        key,
        ...found,
        ...(Number.isFinite(revision) && revision > 0 ? { revision } : {}),
        ...(changeCause ? { changeCause } : {}),
      };
    }
  }
  return undefined;
}
