/**
 * How topology-aware routing shares a Service's endpoints among zones. The EndpointSlice
 * controller gives each endpoint hints (hints.forZones) in proportion to each zone's allocatable
 * CPU, not to where the callers run; kube-proxy in a zone then sends that zone's traffic only to
 * the endpoints hinted for it. A zone given one endpoint puts all its callers on one pod.
 */
import type { EndpointSliceEvidence } from './evidence-network.js';

export interface ZoneShare {
  zone: string;
  /** The pods of the ready endpoints hinted for this zone. */
  pods: string[];
}

/** Per zone, the ready endpoints hinted for it; empty when no endpoint carries hints (routing goes to all). */
export function listZoneShares(slices: readonly EndpointSliceEvidence[]): ZoneShare[] {
  const byZone = new Map<string, string[]>();
  for (const e of slices.flatMap((s) => s.endpoints)) {
    if (!e.ready || e.terminating === true || e.podName === undefined) continue;
    for (const z of e.forZones ?? []) byZone.set(z, [...(byZone.get(z) ?? []), e.podName]);
  }
  return [...byZone.entries()].map(([zone, pods]) => ({ zone, pods })).sort((a, b) => a.pods.length - b.pods.length || a.zone.localeCompare(b.zone));
}
