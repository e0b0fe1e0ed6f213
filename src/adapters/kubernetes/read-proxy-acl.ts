// The access rules of the namespace's forward proxy, where the workload's logs say it refuses their
// tunnels with 403 (proxy-denial.ts): one ready endpoint pod of the proxy's Service, a get and a log
// tail of it, then one get of the ConfigMap its first container mounts. Only the acl and
// http_access lines of the data are kept, and of its log only the lines refusing the destinations
// (at most three). Never a Secret; nothing at all when no log shows the refusal.
import type { EndpointSliceEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ProxyAclEvidence } from '../../domain/triage/evidence-proxy-acl.js';
import { isOwnRefusalOf, keepAccessRules } from '../../domain/triage/proxy-denial.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { pickDependencyPods, readPodsWithLogs } from './read-dependency-pods.js';

/** Its own lines of refusal kept, the newest last. */
const MAX_REFUSALS = 3;

/** The ConfigMap the pod's first container mounts (the proxy's config file), when it mounts one. */
function mountedConfigMap(pod: PodEvidence): string | undefined {
  const mounted = new Set((pod.containers[0]?.volumeMounts ?? []).map((m) => m.name));
  return (pod.volumes ?? []).find((v) => v.source === 'configMap' && v.ref !== undefined && mounted.has(v.name))?.ref;
}

export async function readProxyAcl(ctx: CollectContext, wanted: { service: string; destinations: string[] } | undefined, slices: readonly EndpointSliceEvidence[]): Promise<ProxyAclEvidence | undefined> {
  if (wanted === undefined) return undefined;
  const picked = pickDependencyPods([wanted.service], slices).map((p) => ({ ...p, namespace: ctx.namespace }));
  const [read] = await readPodsWithLogs(ctx, picked, 'a pod of the forward proxy that refuses the workload\'s tunnels');
  if (read === undefined) return undefined;
  const refusals = read.logs.flatMap((l) => l.lines).filter((l) => isOwnRefusalOf(l, wanted.destinations)).slice(-MAX_REFUSALS).map((l) => l.trim());
  const base = { service: wanted.service, pod: read.pod.name, ready: read.pod.ready, rules: [], refusals };
  const name = mountedConfigMap(read.pod);
  if (name === undefined) return base;
  const [got] = await getConfigMaps(ctx, [name], 'the ConfigMap a forward proxy that refuses the workload mounts', (n) => n);
  const found = Object.entries(got?.value.data ?? {}).map(([key, text]) => ({ key, rules: keepAccessRules(text) })).find((x) => x.rules.length > 0);
  return found === undefined ? { ...base, configMap: name } : { ...base, configMap: name, key: found.key, rules: found.rules };
}
