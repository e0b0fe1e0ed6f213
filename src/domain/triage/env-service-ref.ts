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
