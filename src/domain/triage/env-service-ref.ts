/**
 * Which env var of a pod names a Service of the cluster in its literal value (a URL, a connection
 * string, a list of hosts): how the pod is configured to reach it.
 */
import type { ContainerEvidence } from './evidence-pod.js';
import { findInClusterService } from './down-service.js';

/** Hosts in a value: after "//", "," or "@", up to an optional port. */
const HOSTS = /(?:\/\/|,|@)([a-z0-9][a-z0-9.-]*[a-z0-9])(?::\d+)?/gi;

/** The first env var of these containers whose literal value names `service` of `namespace`; undefined when none does. */
export function findEnvNamingService(containers: readonly ContainerEvidence[], service: string, namespace: string): string | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if (!('value' in e)) continue;
      const named = [...e.value.matchAll(HOSTS)].some((m) => {
        const ref = findInClusterService(m[1] ?? '', namespace);
        return ref !== undefined && ref.name === service && ref.namespace === namespace;
      });
      if (named) return e.name;
    }
  }
  return undefined;
}

/** What an env var's name adds after the dependency it points at: ORDERS_API_BASE_URL → ORDERS_API. */
const ADDRESS_SUFFIX = /_(?:BASE_URL|URL|URI|ENDPOINT|HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVICE|SVC)$/;

/** Hosts of a value: URLs' and connection strings' (HOSTS), or the whole value when it is one host[:port]. */
function listHosts(value: string): string[] {
  const found = [...value.matchAll(HOSTS)].map((m) => (m[1] ?? '').toLowerCase());
  const bare = /^([a-z0-9][a-z0-9.-]*[a-z0-9])(?::\d+)?$/i.exec(value.trim());
  return found.length > 0 ? found : bare ? [(bare[1] ?? '').toLowerCase()] : [];
}

/** A Service of the namespace an env var points the container at, and the hosts its value dials for it. */
export interface EnvServiceRef {
  env: string;
  service: string;
  /** Hosts of the literal value; a name outside the cluster (an ingress in front of the Service) included. */
  hosts: string[];
}

/**
 * The Services these containers are configured to call: an env var whose value names the Service
 * (`http://orders-api:8080`), or whose NAME does (ORDERS_API_URL → Service orders-api) though its
 * value is a name outside the cluster — an ingress or gateway host in front of that Service.
 */
export function listEnvServiceRefs(containers: readonly ContainerEvidence[], services: readonly string[], namespace: string): EnvServiceRef[] {
  const known = new Set(services);
  return containers.flatMap((c) => (c.env ?? []).flatMap((e) => {
    const hosts = 'value' in e ? listHosts(e.value) : [];
    const byValue = hosts.map((h) => findInClusterService(h, namespace)).find((r) => r !== undefined && r.namespace === namespace && known.has(r.name))?.name;
    const stem = e.name.replace(ADDRESS_SUFFIX, '');
    const byName = stem !== e.name ? stem.toLowerCase().replace(/_/g, '-') : undefined;
    const service = byValue ?? (byName !== undefined && known.has(byName) ? byName : undefined);
    return service === undefined ? [] : [{ env: e.name, service, hosts }];
  }));
}
