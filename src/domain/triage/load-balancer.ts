/**
 * A LoadBalancer Service of the workload that the cloud has given no address: users outside the
 * cluster reach nothing though the pods are fine. Its own events (the cloud's service controller)
 * say why; the adapter reads them only for such Services.
 */
import type { PodEvidence, ServiceEvidence } from './evidence.js';
import { matchesLabels } from './service-match.js';

/** A LoadBalancer Service still waiting for its external address. */
export function isPendingLoadBalancer(s: ServiceEvidence): boolean {
  return s.type === 'LoadBalancer' && (s.loadBalancerIngress ?? []).length === 0;
}

/** The pending LoadBalancer Services that select the workload's pods: at most `max`, one events read each. */
export function pickPendingLoadBalancers(services: readonly ServiceEvidence[], pods: readonly PodEvidence[], max = 3): string[] {
  return services
    .filter((s) => isPendingLoadBalancer(s) && pods.some((p) => matchesLabels(s.selector, p.labels)))
    .slice(0, max)
    .map((s) => s.name);
}
