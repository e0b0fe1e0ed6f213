import { describe, expect, it } from 'vitest';
import { analyzeMeshNoHealthyUpstream } from '../../../../src/domain/triage/analyzers/mesh-no-healthy-upstream.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, container, endpointSlice, minutesAgo, pod, podName, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const at = (minutes: number) => minutesAgo(minutes).replace('Z', '.000Z');
const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [], probes: {} });

/** Ready meshed pods whose calls to pricing fail in their own sidecar: 503 no healthy upstream, pricing's pods all ready. */
function ejectedUpstream(o: { sidecar?: boolean; pricingReady?: boolean } = {}): TriageEvidence {
  const ev = healthyScenario();
  ev.pods = ev.pods.map((p) => ({ ...p, containers: [container(), ...(o.sidecar === false ? [] : [proxy])] }));
  const pricingPods = [0, 1, 2].map((i) => pod(i, { name: `pricing-6d9f-${i}`, ready: o.pricingReady !== false }));
  ev.services = [...ev.services, service({ name: 'pricing', selector: { app: 'pricing' } })];
  ev.endpointSlices = [...ev.endpointSlices, endpointSlice('pricing', pricingPods)];
  ev.logs = [0, 1].map((i) => ({
    pod: podName(REV6.hash, i),
    container: 'app',
    previous: false,
    lines: [
      `${at(22)} ERROR quote failed url=http://pricing.payments.svc.cluster.local:8080/v2/quote: upstream returned 500`,
      `${at(12)} ERROR quote failed url=http://pricing.payments.svc.cluster.local:8080/v2/quote: upstream returned 503: no healthy upstream`,
      `${at(2)} ERROR quote failed url=http://pricing.payments.svc.cluster.local:8080/v2/quote: upstream returned 503: no healthy upstream`,
    ],
  }));
  return ev;
}

describe('analyzeMeshNoHealthyUpstream', () => {
  it('says the caller\'s own Envoy has no healthy host for a dependency whose endpoints are all ready: outlier detection ejected them', () => {
    const [f] = analyzeMeshNoHealthyUpstream(ejectedUpstream());
    expect(f?.title).toBe('Calls to pricing fail in payment-service\'s own Envoy sidecar with 503 "no healthy upstream" (UH) while pricing\'s 3 endpoints are all ready: the mesh\'s outlier detection ejected every pricing host (DestinationRule outlierDetection), so no request reaches pricing; 4 failed calls in the logs of 2 pods');
    expect(f?.fix).toContain('relax the outlier detection in the DestinationRule for pricing');
    expect(f?.evidence).toContain('Service pricing: 3/3 endpoints ready');
  });

  it('turns the all-clear of Ready pods with few error lines into a problem', () => {
    const report = buildTriageReport(ejectedUpstream(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.findings.some((f) => f.title.startsWith('Calls to pricing fail in payment-service\'s own Envoy sidecar'))).toBe(true);
  });

  it('says nothing without a sidecar, or when the dependency has no ready endpoint (that is the Service\'s own story)', () => {
    expect(analyzeMeshNoHealthyUpstream(ejectedUpstream({ sidecar: false }))).toEqual([]);
    expect(analyzeMeshNoHealthyUpstream(ejectedUpstream({ pricingReady: false }))).toEqual([]);
    expect(analyzeMeshNoHealthyUpstream(healthyScenario())).toEqual([]);
  });
});
