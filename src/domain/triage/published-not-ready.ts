/**
 * Not-ready pods that still take traffic. spec.publishNotReadyAddresses makes the EndpointSlice
 * controller list every selected pod as ready (conditions.serving stays false), and kube-proxy
 * routes a cluster IP to every ready endpoint: a pod that fails its readiness probe — warming up
 * after a scale-up or a rollout, or broken — gets its share of the callers' requests and answers
 * them with refusals and 503s. The setting exists for a headless Service that gives a StatefulSet's
 * members their DNS names before they are ready (peer discovery); on a Service with a cluster IP,
 * usually copied from such a manifest, it defeats the readiness probe.
 */
import type { PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { hasReadFailure } from './evidence-lookup.js';
import { listSelectingServices, listSlicesOf, matchesLabels } from './service-match.js';

export interface NotReadyTraffic {
  /** A Service with a cluster IP (not headless) and publishNotReadyAddresses: true. */
  service: ServiceEvidence;
  /** Its running, not-ready pods that its EndpointSlices list as ready (or, slices unread, its selector picks). */
  pods: PodEvidence[];
}

/** Whether the Service's endpoints route to the pod: listed ready and not terminating; unlisted, only when its slices could not be read. */
function isPublished(ev: TriageEvidence, service: ServiceEvidence, pod: PodEvidence): boolean {
  const endpoints = listSlicesOf(ev, service.name).flatMap((s) => s.endpoints);
  const listed = endpoints.find((e) => e.podName === pod.name);
  if (listed !== undefined) return listed.ready && listed.terminating !== true;
  return endpoints.length === 0 && hasReadFailure(ev, 'endpointSlices');
}

/** Each non-headless Service of the workload that publishes not-ready addresses, with the not-ready pods it routes to; only those with some. */
export function findNotReadyTraffic(ev: TriageEvidence): NotReadyTraffic[] {
  return listSelectingServices(ev)
    .filter((s) => s.publishNotReadyAddresses === true && s.headless !== true)
    .flatMap((service) => {
      const pods = ev.pods.filter((p) => !p.ready && p.phase === 'Running' && p.deletionTimestamp === undefined && matchesLabels(service.selector, p.labels) && isPublished(ev, service, p));
      return pods.length > 0 ? [{ service, pods }] : [];
    });
}
