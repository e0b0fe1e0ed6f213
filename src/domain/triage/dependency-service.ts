/**
 * Services of other namespaces that the workload's failing pods name in their logs as a dependency
 * (`geoip.geo.svc.cluster.local:80`): worth a read one hop away, because where that name leads — an
 * ExternalName target, internalTrafficPolicy Local, which nodes have endpoints — can be the cause.
 * Services of the workload's own namespace are already read with it.
 */
import { parseDependencyError } from './dependency-error-line.js';
import { findInClusterService } from './down-service.js';
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { isPodFailing } from './pod-status.js';

const MAX_SERVICES = 2;

export function pickDependencyServices(pods: readonly PodEvidence[], logs: readonly LogEvidence[], namespace: string, now: IsoTime): { name: string; namespace: string }[] {
  const failing = new Set(pods.filter((p) => isPodFailing(p, now)).map((p) => p.name));
  const picked = new Map<string, { name: string; namespace: string }>();
  for (const log of logs) {
    if (!log.previous && !failing.has(log.pod)) continue;
    for (const line of log.lines) {
      const host = parseDependencyError(line)?.dependency?.replace(/:\d+$/, '');
      // Only names that say they are a Service (`name.namespace.svc…`): a bare `a.b` may be any host.
      if (host === undefined || !/^(?:[\w-]+\.)?[\w-]+\.[\w-]+\.svc(\.|$)/.test(host)) continue;
      const ref = findInClusterService(host, namespace);
      if (ref !== undefined && ref.namespace !== namespace) picked.set(`${ref.namespace}/${ref.name}`, ref);
    }
  }
  return [...picked.values()].slice(0, MAX_SERVICES);
}
