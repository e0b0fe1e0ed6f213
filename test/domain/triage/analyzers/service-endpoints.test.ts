import { describe, expect, it } from 'vitest';
import { analyzeServiceEndpoints } from '../../../../src/domain/triage/analyzers/service-endpoints.js';
import { APP, container, endpointSlice, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { readiness503Scenario } from '../scenarios/probes.js';

describe('analyzeServiceEndpoints', () => {
  it('reports endpoints that are not ready, naming their pods', () => {
    const [f] = analyzeServiceEndpoints(readiness503Scenario());
    expect(f?.title).toBe('Service payment-service: 3/5 endpoints not ready, traffic goes to the other 2');
    expect(f?.severity).toBe('warning');
    expect(f?.affected?.pods).toHaveLength(3);
  });

  it('reports a Service with no ready endpoint as critical', () => {
    const ev = readiness503Scenario();
    ev.pods = ev.pods.map((p) => ({ ...p, ready: false, containers: [container({ ready: false, state: running(40) })] }));
    ev.endpointSlices = [endpointSlice(APP, ev.pods)];
    const [f] = analyzeServiceEndpoints(ev);
    expect(f?.title).toBe('Service payment-service has no ready endpoints (5 not ready): requests to it fail');
    expect(f?.severity).toBe('critical');
  });

  it('does not count endpoints of pods that are still starting', () => {
    const ev = healthyScenario();
    ev.pods = ev.pods.map((p, i) => (i === 0 ? { ...p, ready: false, startTime: '2026-11-21T03:13:30Z', containers: [container({ ready: false, state: running(0.5) })] } : p));
    ev.endpointSlices = [endpointSlice(APP, ev.pods)];
    expect(analyzeServiceEndpoints(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload and when EndpointSlices could not be read', () => {
    expect(analyzeServiceEndpoints(healthyScenario())).toEqual([]);
    const ev = readiness503Scenario();
    ev.readFailures.push({ what: 'EndpointSlices in payments', source: 'endpointSlices', reason: 'timeout', detail: 'context deadline exceeded' });
    expect(analyzeServiceEndpoints(ev)).toEqual([]);
  });
});
