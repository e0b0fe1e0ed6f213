// The load balancer of the namespace in front of the workload, where the workload serves through
// Services and a ConfigMap of the namespace holds an HAProxy config (by its key): the namespace's Deployments (listed once per triage), of them at most two whose
// container runs HAProxy (by image) and mounts a ConfigMap; a get of those ConfigMaps (only the
// backend section that names one of the workload's Services is kept); for the first that names one,
// a list of its pods by its selector (at most 5) and the current log tail of at most two, ready
// ones first. A balancer's cap or queue in front of healthy pods shows only in its own log.
import type * as k8s from '@kubernetes/client-node';
import type { LogEvidence, NamespaceObjectEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type { FrontProxyEvidence } from '../../domain/triage/evidence-front-proxy.js';
import { isHaproxyImage, readHaproxyBackend, serviceHosts } from '../../domain/triage/haproxy-backend-queue.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';

const MAX_PROXIES = 2;
const MAX_PODS = 5;
const MAX_LOGS = 2;
const TAIL_LINES = 4 * LOG_TAIL_LINES;
const LIMIT_BYTES = 256_000;

/** A ConfigMap of the namespace whose key is an HAProxy config file: only then is a balancer looked for. */
export function hasHaproxyConfig(objects: readonly NamespaceObjectEvidence[]): boolean {
  return objects.some((o) => o.kind === 'ConfigMap' && (o.keys ?? []).some((k) => /haproxy[\w.-]*\.cfg$|^haproxy$/i.test(k)));
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** An HAProxy Deployment's container and the ConfigMap it mounts. */
function proxyMount(d: k8s.V1Deployment): { container: string; configMap: string } | undefined {
  const spec = d.spec?.template.spec;
  const c = spec?.containers.find((x) => isHaproxyImage(x.image ?? ''));
  const mounts = new Set((c?.volumeMounts ?? []).map((m) => m.name));
  const cm = (spec?.volumes ?? []).find((v) => v.configMap?.name !== undefined && mounts.has(v.name))?.configMap?.name;
  return c === undefined || cm === undefined ? undefined : { container: c.name, configMap: cm };
}

export async function readFrontProxy(ctx: CollectContext, seen: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; workload: string }): Promise<FrontProxyEvidence | undefined> {
  const own = seen.services.filter((s) => seen.pods.some((p) => selects(s.selector, p.labels)));
  if (own.length === 0) return undefined;
  const list = await listNamespaceDeployments(ctx, 'the workload serves through Services: which load balancer of the namespace sends it requests', 'services');
  const proxies = list.items
    .filter((d) => d.metadata?.name !== seen.workload)
    .flatMap((d) => { const m = proxyMount(d); return m === undefined ? [] : [{ d, ...m }]; })
    .slice(0, MAX_PROXIES);
  if (proxies.length === 0) return undefined;
  const hosts = own.flatMap((s) => serviceHosts(s.name, ctx.namespace));
  const got = await getConfigMaps(ctx, proxies, 'ConfigMaps of HAProxy Deployments of the namespace (which backend names the workload)', (p) => p.configMap);
  let found: { proxy: (typeof proxies)[number]; key: string; backend: NonNullable<ReturnType<typeof readHaproxyBackend>> } | undefined;
  for (const { item, value } of got) {
    for (const [key, text] of Object.entries(value.data ?? {})) {
      const backend = readHaproxyBackend(text, hosts);
      if (backend !== undefined && found === undefined) found = { proxy: item, key, backend };
    }
  }
  if (found === undefined) return undefined;
  const d = found.proxy.d;
  const name = d.metadata?.name ?? '';
  const selector = Object.entries(d.spec?.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = selector === '' ? undefined : await ctx.reads.list(`pods of ${name} (the load balancer in front of the workload)`, 'services', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  const mapped = (pods?.items ?? []).map(mapForeignPod);
  const picked = [...mapped.filter((p) => p.ready), ...mapped.filter((p) => !p.ready)].slice(0, MAX_LOGS);
  const container = found.proxy.container;
  const logs = (await Promise.all(picked.map(async (p): Promise<LogEvidence | undefined> => {
    const text = await ctx.reads.one(`current logs of ${p.name}/${container} (load balancer in front of the workload)`, 'services', (o) =>
      ctx.clients.core.readNamespacedPodLog({ name: p.name, namespace: ctx.namespace, container, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
    );
    return text === undefined ? undefined : { pod: p.name, container, previous: false, lines: splitLogLines(text) };
  }))).filter((l): l is LogEvidence => l !== undefined);
  const revision = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision']);
  const restarted = d.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
  return {
    deployment: name,
    configMap: found.proxy.configMap,
    key: found.key,
    backend: found.backend,
    ...(Number.isFinite(revision) && revision > 0 ? { revision } : {}),
    ...(restarted !== undefined && !Number.isNaN(Date.parse(restarted)) ? { restartedAt: new Date(restarted).toISOString() } : {}),
    logs,
  };
}
