import { describe, expect, it } from 'vitest';
import { analyzeServiceEndpoints } from '../../../../src/domain/triage/analyzers/service-endpoints.js';
import { APP, minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** Every pod Ready, and no EndpointSlice of the Service in the evidence at all. */
function noSliceSeen(serviceAgeMinutes: number) {
  const ev = healthyScenario();
  ev.services = ev.services.map((s) => (s.name === APP ? { ...s, createdAt: minutesAgo(serviceAgeMinutes) } : s));
  ev.endpointSlices = ev.endpointSlices.filter((s) => s.service !== APP);
  return ev;
}

describe('a Service whose EndpointSlice is not in the evidence', () => {
  it('is not called failing when the Service is old and every pod it selects is Ready', () => {
    expect(analyzeServiceEndpoints(noSliceSeen(30 * 24 * 60))).toEqual([]);
  });

  it('still says the controller may lag for a Service created minutes ago', () => {
    const [f] = analyzeServiceEndpoints(noSliceSeen(5));
    expect(f?.title).toBe(`Service ${APP} has no ready endpoints: requests to it fail`);
    expect(f?.nextAction).toMatch(/kube-controller-manager/);
  });
});
