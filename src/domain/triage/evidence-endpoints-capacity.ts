/**
 * The legacy v1 Endpoints object of a Service that selects the workload, read only once the
 * workload runs past the 1000 addresses that object can hold. Past them the endpoints controller
 * keeps 1000 and marks the object `endpoints.kubernetes.io/over-capacity: truncated`, while the
 * EndpointSlices (discovery.k8s.io/v1) still list every pod: clients that discover peers through
 * the Endpoints API see a partial set. Only counts are kept, never the addresses.
 */
import type { EndpointSliceEvidence, ServiceEvidence } from './evidence-network.js';

/** What the endpoints controller writes into one v1 Endpoints object at most. */
export const ENDPOINTS_MAX_ADDRESSES = 1000;

/** The annotation the endpoints controller sets past that cap ("truncated"). */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

export interface EndpointsCapacityEvidence {
  /** The Service (and its Endpoints object, same name). */
  service: string;
  /** The endpoints.kubernetes.io/over-capacity annotation's value ("truncated"), when the controller set it. */
  overCapacity?: string;
  /** Ready addresses it lists (subsets[].addresses). */
  addresses: number;
  /** Not-ready addresses it lists (subsets[].notReadyAddresses). */
  notReadyAddresses: number;
}

/** How many pods the workload runs, by the largest count any read gives. */
export interface PodCounts {
  specReplicas?: number;
  statusReplicas?: number;
  /** Pods the pod list counted. */
  listed: number;
}

/** At most this many Services get their Endpoints read. */
const MAX_SERVICES = 2;

/**
 * The Services selecting the workload whose Endpoints object may be truncated: only when the
 * workload (by its spec, its status, the pods listed or the Service's EndpointSlices) runs past
 * the 1000 addresses an Endpoints object holds. Selector-less Services are skipped: their Endpoints
 * are written by someone else, not truncated by the controller.
 */
export function pickOverCapacityServices(services: readonly ServiceEvidence[], slices: readonly EndpointSliceEvidence[], pods: readonly { labels: Record<string, string> }[], counts: PodCounts): string[] {
  const selects = (s: ServiceEvidence) => Object.keys(s.selector).length > 0 && s.type !== 'ExternalName' && pods.some((p) => Object.entries(s.selector).every(([k, v]) => p.labels[k] === v));
  const workloadPods = Math.max(counts.specReplicas ?? 0, counts.statusReplicas ?? 0, counts.listed);
  return services
    .filter(selects)
    .filter((s) => Math.max(workloadPods, slices.filter((x) => x.service === s.name).reduce((n, x) => n + x.endpoints.length, 0)) > ENDPOINTS_MAX_ADDRESSES)
    .map((s) => s.name)
    .slice(0, MAX_SERVICES);
}
