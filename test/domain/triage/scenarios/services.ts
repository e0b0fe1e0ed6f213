import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, baseEvidence, endpointSlice, service } from './builders.js';

/**
 * A Helm values change renamed the Service selector to app=payment-svc; the pods still say
 * app=payment-service. The Service has an empty EndpointSlice; the pods are all fine.
 */
export function selectorTypoScenario(): TriageEvidence {
  const base = baseEvidence();
  return {
    ...base,
    services: [service({ selector: { app: 'payment-svc' } }), ...base.services.filter((s) => s.name !== APP)],
    endpointSlices: [endpointSlice(APP, []), ...base.endpointSlices.filter((s) => s.service !== APP)],
  };
}
