import type { ServiceEvidence, TriageEvidence } from '../evidence.js';
import { findKedaAtZero } from '../keda-at-zero.js';
import { findPod, hasReadFailure } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, unique } from '../pod-status.js';
import { listSelectingServices, listSlicesOf } from '../service-match.js';
import { msBetween } from '../time-span.js';

/**
 * Services that select the workload but have no ready endpoints (requests to them fail),
 * or whose endpoints are partly not ready because their pods fail. Mostly the visible face
 * of a pod problem, so ranking folds it into the finding that explains those pods.
 */
export function analyzeServiceEndpoints(ev: TriageEvidence): Finding[] {
  if (hasReadFailure(ev, 'endpointSlices')) return [];
  // Scaled to zero by KEDA's design: no endpoint is expected until KEDA activates it (unready-replicas says so).
  if (findKedaAtZero(ev) !== undefined) return [];
  return listSelectingServices(ev).flatMap((svc) => describeService(ev, svc));
}

/** Past this age a selector Service has had its EndpointSlice written long ago. */
const SLICE_WRITTEN_MS = 60 * 60_000;

/**
 * No EndpointSlice at all (not an empty one) for a Service that has existed for an hour, while the
 * pods it selects are Ready: the EndpointSlice controller writes a slice for every selector Service,
 * even with no endpoint, and keeps it while the Service lives, so none means it was not seen,
 * not that requests fail. A new Service with no slice yet still says the controller lags.
 */
function isSliceUnseen(ev: TriageEvidence, svc: ServiceEvidence, readyPods: number): boolean {
  if (readyPods === 0 || ev.pods.some((p) => !p.ready) || listSlicesOf(ev, svc.name).length > 0) return false;
  return svc.createdAt !== undefined && msBetween(svc.createdAt, ev.collectedAt) > SLICE_WRITTEN_MS;
}

function describeService(ev: TriageEvidence, svc: ServiceEvidence): Finding[] {
  const endpoints = listSlicesOf(ev, svc.name).flatMap((s) => s.endpoints);
  const ready = endpoints.filter((e) => e.ready && !e.terminating);
  const notReady = endpoints.filter((e) => !e.ready && !e.terminating);
  const confirm = [
    formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc.name} -o wide`),
    formatKubectl(ev.target, `describe service ${svc.name}`),
  ];
  const failingPods = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt)).map((p) => p.name);
  const readyPods = ev.pods.filter((p) => p.ready).length;

  if (ready.length === 0) {
    const noneAtAll = endpoints.length === 0;
    if (isSliceUnseen(ev, svc, readyPods)) return [];
    const puzzling = noneAtAll && readyPods > 0;
    return [
      {
        id: `service-endpoints/${svc.name}`,
        kind: 'service-endpoints',
        title: `Service ${svc.name} has no ready endpoints${noneAtAll ? '' : ` (${notReady.length} not ready)`}: requests to it fail`,
        layer: 'network/routing',
        severity: 'critical',
        confidence: puzzling ? 'medium' : 'high',
        evidence: [
          `EndpointSlices of ${svc.name}: ${endpoints.length} endpoints, 0 ready`,
          `${readyPods}/${ev.pods.length} pods of ${ev.target.name} ready`,
        ],
        likelyCause: puzzling
          ? `${readyPods} pods are ready and selected, yet the Service lists none: the EndpointSlice controller may lag or fail, or the pods were just relabelled.`
          : `Every pod behind ${svc.name} is not ready (or none exists), so the Service has nowhere to send traffic; the pod findings say why.`,
        nextAction: puzzling
          ? 'Check the EndpointSlices again in a minute and the kube-controller-manager logs; compare pod labels with the selector.'
          : 'Fix the pod-level cause first; the endpoints return as pods become ready.',
        confirmCommands: confirm,
        affected: { pods: noneAtAll ? failingPods : unique(notReady.flatMap((e) => (e.podName ? [e.podName] : []))), services: [svc.name] },
      },
    ];
  }
  // Unready endpoints of pods that are merely starting are a rollout in progress, not a fault.
  const stuck = notReady.filter((e) => e.podName === undefined || failingPods.includes(e.podName));
  if (stuck.length === 0) return [];
  const pods = unique(stuck.flatMap((e) => (e.podName ? [e.podName] : [])));
  const nodes = unique(pods.flatMap((p) => findPod(ev, p)?.nodeName ?? []));
  return [
    {
      id: `service-endpoints/${svc.name}`,
      kind: 'service-endpoints',
      title: `Service ${svc.name}: ${stuck.length}/${endpoints.length} endpoints not ready, traffic goes to the other ${ready.length}`,
      layer: 'network/routing',
      severity: 'warning',
      confidence: 'high',
      evidence: stuck.slice(0, 5).map((e) => `${e.podName ?? e.addresses.join(',')} not ready${e.nodeName ? ` on ${e.nodeName}` : ''}`),
      likelyCause: `The remaining ${ready.length} endpoints carry all traffic; the not-ready pods are explained by the pod findings.`,
      nextAction: 'Check that the ready replicas can carry the load while the others are fixed.',
      confirmCommands: confirm,
      affected: { pods, nodes, services: [svc.name] },
    },
  ];
}
