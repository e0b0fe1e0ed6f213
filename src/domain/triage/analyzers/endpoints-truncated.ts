import type { EventEvidence, TriageEvidence } from '../evidence.js';
import { ENDPOINTS_MAX_ADDRESSES, type EndpointsCapacityEvidence, OVER_CAPACITY_ANNOTATION } from '../evidence-endpoints-capacity.js';
import type { Finding } from '../finding.js';
import { formatEventLine } from '../collapse-events.js';
import { formatKubectl } from '../kubectl-command.js';
import { countReadyPods } from '../pod-status.js';
import { listSlicesOf } from '../service-match.js';
import { msBetween } from '../time-span.js';

/**
 * A Service selecting more than 1000 pods: its v1 Endpoints object holds 1000 addresses at most,
 * and past them the endpoints controller keeps 1000 and marks it over-capacity: truncated. The
 * EndpointSlices (what kube-proxy routes by) still list every pod, so the Service's virtual IP
 * reaches them all; but a client that discovers its peers through the Endpoints API (a client-side
 * balancer or hash ring, an old client-go informer) sees only 1000, and the others get none of its
 * traffic. The scale-up that took the workload past 1000 is its "since"; fewer replicas undo it.
 */
export function analyzeEndpointsTruncated(ev: TriageEvidence): Finding[] {
  return (ev.endpointsCapacity ?? []).filter((e) => e.overCapacity === 'truncated').map((e) => describeTruncated(ev, e));
}

const SCALED_UP = /Scaled up replica set \S+? (?:from (\d+) )?to (\d+)/;

/** The scale-up that took the workload past 1000 pods: the controller's event with its "from", else the HPA's newest rescale past it. */
function findCrossing(ev: TriageEvidence): EventEvidence | undefined {
  const newest = (events: EventEvidence[]) => [...events].sort((a, b) => msBetween(a.lastSeen, b.lastSeen)).at(-1);
  const crossed = ev.events.filter((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED_UP.exec(e.message) : null;
    return m !== null && m[1] !== undefined && Number(m[1]) <= ENDPOINTS_MAX_ADDRESSES && Number(m[2]) > ENDPOINTS_MAX_ADDRESSES;
  });
  const rescaled = ev.events.filter((e) => e.reason === 'SuccessfulRescale' && Number(/New size: (\d+)/.exec(e.message)?.[1] ?? 0) > ENDPOINTS_MAX_ADDRESSES);
  return newest(crossed) ?? newest(rescaled);
}

function describeTruncated(ev: TriageEvidence, e: EndpointsCapacityEvidence): Finding {
  const svc = e.service;
  const sliced = listSlicesOf(ev, svc).flatMap((s) => s.endpoints).filter((x) => x.ready && !x.terminating).length;
  const ready = sliced > 0 ? sliced : countReadyPods(ev);
  const listed = e.addresses;
  const unseen = Math.max(ready - listed, 0);
  const crossing = findCrossing(ev);
  const w = ev.workload;
  return {
    id: `endpoints-truncated/${svc}`,
    kind: 'endpoints-truncated',
    title: `Endpoints ${svc} lists only ${listed} of ${ready} ready pods (${OVER_CAPACITY_ANNOTATION}: truncated): clients that read v1 Endpoints, not EndpointSlices, see a partial set`,
    layer: 'network/routing',
    severity: unseen * 2 >= ready ? 'critical' : 'warning',
    confidence: 'high',
    decisive: `${OVER_CAPACITY_ANNOTATION}: truncated`,
    evidence: [
      `Endpoints ${svc}: ${listed} ready address${listed === 1 ? '' : 'es'}${e.notReadyAddresses > 0 ? `, ${e.notReadyAddresses} not ready` : ''}; annotation ${OVER_CAPACITY_ANNOTATION}: ${e.overCapacity ?? ''}`,
      ...(sliced > 0 ? [`EndpointSlices of ${svc}: ${sliced} ready endpoints`] : []),
      ...(w ? [`${w.kind} ${w.name}: ${w.readyReplicas}/${w.specReplicas} ready`] : []),
      ...(crossing ? [formatEventLine(crossing)] : []),
    ],
    likelyCause: `One v1 Endpoints object holds at most ${ENDPOINTS_MAX_ADDRESSES} addresses: past them the endpoints controller keeps ${ENDPOINTS_MAX_ADDRESSES} and marks it truncated, while the EndpointSlices list all ${ready}. kube-proxy routes by EndpointSlices, so the Service's own address reaches every pod; but a client that discovers peers through the Endpoints API (a client-side balancer or consistent-hash ring, an old client-go informer, a discovery library) sees only ${listed}: the other ${unseen} get none of its traffic while the ones it sees take all of it.`,
    nextAction: `Find the clients that read the v1 Endpoints of ${svc} (their peer-discovery setting, an old client-go) and move them to EndpointSlices (discovery.k8s.io/v1), or shard the Service so each selects fewer than ${ENDPOINTS_MAX_ADDRESSES} pods; keeping the workload at ${ENDPOINTS_MAX_ADDRESSES} replicas or fewer is the stopgap.`,
    fix: `move the clients that read the v1 Endpoints of ${svc} to EndpointSlices (discovery.k8s.io/v1), or shard the Service below ${ENDPOINTS_MAX_ADDRESSES} pods each`,
    outsideWorkload: `the Endpoints API keeps ${ENDPOINTS_MAX_ADDRESSES} addresses of any Service, whatever revision its pods run`,
    scalesWithReplicas: true,
    ...(crossing ? { onset: crossing.lastSeen } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `get endpoints ${svc} -o jsonpath='{.metadata.annotations}'`),
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc}`),
    ],
    affected: { services: [svc] },
  };
}
