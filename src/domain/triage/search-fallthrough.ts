/**
 * A cluster name that leaks out of the cluster through the pods' own search domain. A name with
 * fewer dots than ndots (5 in the cluster) is tried with each search domain first: the cluster's
 * (`<ns>.svc.cluster.local`, `svc.cluster.local`, `cluster.local`), then any the pod adds in
 * spec.dnsConfig.searches. When the Service the name means is gone, the cluster answers NXDOMAIN
 * and the lookup walks on; a wildcard record in the pod's extra domain (`*.corp.example.com`)
 * then answers it with an outside address, so the client times out on that address instead of
 * failing on "no such host". The address the logs dial, outside every cluster range, next to a
 * name that reads as `<service>.<namespace>`, shows it.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findInClusterService } from './down-service.js';
import { formatKubectl } from './kubectl-command.js';
import { unique } from './pod-status.js';

const CLUSTER_NDOTS = 5;

/** Private, shared, loopback and link-local ranges: where cluster, pod and node addresses live. */
function isPrivate(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254);
}

export interface SearchFallthrough {
  /** "cache.shared", as the logs name it. */
  name: string;
  service: { name: string; namespace: string };
  ip: string;
  /** The pod's own search domains, the ones outside the cluster: "corp.example.com". */
  domains: string[];
  ndots: number;
}

/** The in-cluster name a line dials that the pods' own search domain answered with an outside address. */
export function findSearchFallthrough(ev: TriageEvidence, ip: string, pods: readonly PodEvidence[], lines: readonly string[]): SearchFallthrough | undefined {
  if (isPrivate(ip)) return undefined;
  const domains = unique(pods.flatMap((p) => p.dnsSearches ?? []).filter((d) => !/(^|\.)cluster\.local\.?$/.test(d)));
  if (domains.length === 0) return undefined;
  const ndots = pods.find((p) => p.dnsNdots !== undefined)?.dnsNdots ?? CLUSTER_NDOTS;
  const port = new RegExp(`${ip.replace(/\./g, '\\.')}:(\\d{1,5})\\b`).exec(lines.join('\n'))?.[1];
  if (port === undefined) return undefined;
  const hostPort = new RegExp(`(?<![\\w.-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+):${port}\\b`, 'gi');
  for (const line of lines) {
    if (!line.includes(ip)) continue;
    for (const m of line.matchAll(hostPort)) {
      const name = m[1] ?? '';
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) continue;
      // Only a relative name with fewer dots than ndots walks the search list.
      if (name.split('.').length - 1 >= ndots) continue;
      const service = findInClusterService(name, ev.target.namespace);
      if (service === undefined) continue;
      // A Service that is there would have answered with its ClusterIP first.
      if (service.namespace === ev.target.namespace && ev.services.some((s) => s.name === service.name)) continue;
      if (ev.dependencyServices?.some((d) => d.namespace === service.namespace && d.service.name === service.name)) continue;
      return { name, service, ip, domains, ndots };
    }
  }
  return undefined;
}

/** The finding's words: state after the title, evidence, cause, action, fix. */
export function tellSearchFallthrough(ev: TriageEvidence, f: SearchFallthrough) {
  const { name, service, ip, domains } = f;
  const fqdn = `${service.name}.${service.namespace}.svc.cluster.local`;
  const leaked = domains.map((d) => `${name}.${d}`);
  const t = { ...ev.target, namespace: service.namespace };
  return {
    state: `: ${name} fell through the pods' search list to ${leaked[0] ?? ''} (${ip}, outside the cluster): Service ${service.name} in ${service.namespace} is missing`,
    evidence: [
      `the logs dial ${ip}, an address outside the cluster's ranges, for ${name}`,
      `the pods add the search domain${domains.length === 1 ? '' : 's'} ${domains.join(', ')} (spec.dnsConfig.searches) with ndots ${f.ndots}: ${name} is tried as ${fqdn} first, then as ${leaked.join(', ')}`,
    ],
    cause: `${name} has fewer dots than ndots (${f.ndots}), so the resolver tries it with every search domain in turn. ${fqdn} no longer answers — Service ${service.name} in ${service.namespace} is missing (deleted or renamed) — so the lookup walks on to the pods' own search domain ${domains.join(', ')}, where a wildcard record answers ${leaked[0] ?? ''} with ${ip}. The client dials that outside address and times out instead of failing fast on NXDOMAIN; neither the network nor the pods that served the Service need be at fault.`,
    action: `Restore Service ${service.name} in ${service.namespace} (or point the clients at the Service that replaced it); address it by FQDN with a trailing dot (${fqdn}.) or lower ndots so a missing Service fails fast instead of leaking to ${domains.join(', ')}.`,
    fix: `restore Service ${service.name} in ${service.namespace}, and use the FQDN ${fqdn}. (trailing dot) so the name cannot fall through to ${domains.join(', ')}`,
    confirm: [formatKubectl(t, `get service ${service.name}`), formatKubectl(ev.target, `exec ${ev.pods[0]?.name ?? ''} -- cat /etc/resolv.conf`)],
  };
}
