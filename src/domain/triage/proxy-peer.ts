/**
 * The forward (egress) proxy of the namespace a client's calls go through: its env sets
 * HTTP(S)_PROXY to a Service here, and the hosts its failing lines call lie outside the cluster
 * and outside NO_PROXY. Such a call is answered by the proxy first, so a refusal the proxy can give
 * (a 417 to Expect: 100-continue, a 414) is the proxy's until its rollout history says otherwise.
 */
import type { ServiceEvidence } from './evidence-network.js';
import { findInClusterService } from './down-service.js';
import type { PeerLine, PeerSeen } from './peer-hits.js';
import { isClusterHost, isExemptFromProxy, listLineHosts, readProxyEnv } from './proxy-env.js';

export function findProxyPeer(seen: PeerSeen, hits: readonly Omit<PeerLine<unknown>, 'value'>[], candidates: readonly ServiceEvidence[]): { peer?: string; peerBy?: string } {
  const first = hits[0];
  const container = first === undefined ? undefined : seen.pods.find((p) => p.name === first.pod)?.containers.find((c) => c.name === first.container);
  const proxy = readProxyEnv(container?.env, container?.envFrom);
  if (proxy === undefined) return {};
  const ref = findInClusterService(proxy.proxy.replace(/:\d+$/, ''), seen.namespace);
  const service = ref?.namespace === seen.namespace ? candidates.find((s) => s.name === ref.name) : undefined;
  if (service === undefined) return {};
  const names = new Set(seen.services.map((s) => s.name));
  const ips = new Set(seen.services.flatMap((s) => (s.clusterIP ? [s.clusterIP] : [])));
  const outside = [...new Set(hits.flatMap((h) => listLineHosts(h.line)))].filter((h) => !isClusterHost(h, names, ips) && !isExemptFromProxy(h, proxy.noProxy ?? []));
  if (outside.length === 0) return {};
  return { peer: service.name, peerBy: `env ${proxy.names.join(', ')}, the forward proxy its calls to ${outside[0] ?? ''} go through` };
}
