// A Service selecting more than 1000 ready pods: the EndpointSlices list them all, but the legacy v1
// Endpoints object holds at most 1000 addresses and the controller marks it
// endpoints.kubernetes.io/over-capacity: truncated. Clients that discover peers through the Endpoints
// API (old client-go informers, hash rings) see only 1000: the verdict says so, since the scale-up
// that crossed the line, and says to move them to EndpointSlices.
import { describe, expect, it } from 'vitest';
import { analyzeEndpointsTruncated } from '../../../../src/domain/triage/analyzers/endpoints-truncated.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { EndpointsCapacityEvidence } from '../../../../src/domain/triage/evidence-endpoints-capacity.js';
import { APP, NS, REV6, baseEvidence, endpointSlice, event, hpa, minutesAgo, pod, workload } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

function large(endpoints: EndpointsCapacityEvidence[]) {
  const all = Array.from({ length: 1400 }, (_, i) => pod(i));
  return baseEvidence({
    pods: all.slice(0, 3),
    census: { total: 3, complete: true, ready: 3, byState: { Running: 3 } },
    workload: workload({ specReplicas: 1400, replicas: 1400, readyReplicas: 1400, availableReplicas: 1400, updatedReplicas: 1400 }),
    endpointSlices: [endpointSlice(APP, all)],
    hpas: [hpa({ minReplicas: 600, maxReplicas: 1800, currentReplicas: 1400, desiredReplicas: 1400, metrics: [{ name: 'cpu', current: '68%', target: '70%' }], lastScaleTime: minutesAgo(11 * 60 + 8) })],
    events: [
      event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 1400; reason: cpu resource utilization (percentage of request) above target', firstSeen: minutesAgo(11 * 60 + 8), lastSeen: minutesAgo(11 * 60 + 8), source: 'horizontal-pod-autoscaler' }),
      event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 960 to 1400`, firstSeen: minutesAgo(11 * 60 + 8), lastSeen: minutesAgo(11 * 60 + 8), source: 'deployment-controller' }),
    ],
    endpointsCapacity: endpoints,
  });
}

describe('v1 Endpoints truncated at 1000 addresses', () => {
  it('says the Endpoints API lists only 1000 of the ready pods, and who sees a partial set', () => {
    const [f] = analyzeEndpointsTruncated(large([{ service: APP, overCapacity: 'truncated', addresses: 1000, notReadyAddresses: 0 }]));
    expect(f?.title).toBe(`Endpoints ${APP} lists only 1000 of 1400 ready pods (endpoints.kubernetes.io/over-capacity: truncated): clients that read v1 Endpoints, not EndpointSlices, see a partial set`);
    expect(f?.fix).toMatch(/EndpointSlices \(discovery\.k8s\.io\/v1\)/);
  });

  it('makes it the verdict, since the scale-up past 1000, with the fix', () => {
    const r = buildTriageReport(large([{ service: APP, overCapacity: 'truncated', addresses: 1000, notReadyAddresses: 0 }]), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since HPA payment-service scaled it up from 960 to 1400 11h 8m ago/);
    expect(r.headline).toContain('over-capacity: truncated');
    expect(r.headline).toMatch(/EndpointSlices \(discovery\.k8s\.io\/v1\)/);
    expect(r.headline).not.toMatch(/\b3\/1400\b/);
  });

  it('says nothing while the Endpoints object is not truncated', () => {
    expect(analyzeEndpointsTruncated(large([{ service: APP, addresses: 1000, notReadyAddresses: 0 }]))).toEqual([]);
    expect(analyzeEndpointsTruncated(large([]))).toEqual([]);
  });
});
