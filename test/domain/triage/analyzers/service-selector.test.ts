import { describe, expect, it } from 'vitest';
import { analyzeServiceSelectors } from '../../../../src/domain/triage/analyzers/service-selector.js';
import { APP, NS, container, endpointSlice, pod, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { selectorTypoScenario } from '../scenarios/services.js';

describe('analyzeServiceSelectors', () => {
  it('reports a Service whose selector misses the pods by one label, showing the near-miss', () => {
    const [f, ...rest] = analyzeServiceSelectors(selectorTypoScenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Service payment-service selects no pods: selector app=payment-svc, but the pods are labelled app=payment-service');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('Service payment-service has 0 endpoints');
    expect(f?.layer).toBe('network/routing');
  });

  it('leaves a sibling Service alone when it has endpoints of its own', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'payment-service-worker', selector: { app: APP, tier: 'worker' } }));
    ev.endpointSlices.push(endpointSlice('payment-service-worker', [pod(0, { name: 'payment-service-worker-6c7d8-abcde' })]));
    expect(analyzeServiceSelectors(ev)).toEqual([]);
  });

  it('ignores unrelated Services of the namespace, even empty ones', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'ledger', selector: { app: 'ledger' } }));
    expect(analyzeServiceSelectors(ev)).toEqual([]);
  });

  it('catches a selector key the pods do not carry at all', () => {
    const ev = selectorTypoScenario();
    ev.services[0] = service({ selector: { app: APP, version: 'v2' } });
    const [f] = analyzeServiceSelectors(ev);
    expect(f?.title).toContain('the pods have no version label');
    expect(f?.severity).toBe('critical');
  });

  it('treats an empty look-alike Service (an idle canary) as context, not a problem', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'payment-service-canary', selector: { app: APP, track: 'canary' } }));
    const [f] = analyzeServiceSelectors(ev);
    expect(f?.severity).toBe('info');
    expect(f?.confidence).toBe('low');
  });

  it('reports a look-alike Service with a typo in its selector value as a warning', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'payments-internal', selector: { app: 'payment-servce' } }));
    const [f] = analyzeServiceSelectors(ev);
    expect(f?.severity).toBe('warning');
    expect(f?.title).toContain('selector app=payment-servce, but the pods are labelled app=payment-service');
  });

  it('leaves alone a look-alike Service the pods call as their database: it fronts the server, not them', () => {
    const ev = healthyScenario();
    ev.services.push(service({ name: 'payments-db', selector: { app: 'payments-db' }, ports: [{ name: 'pg', port: 5432, targetPort: 5432, protocol: 'TCP' }] }));
    expect(analyzeServiceSelectors(ev)).toHaveLength(1);
    const env = [{ name: 'DATABASE_URL', value: `postgres://app@payments-db-0.payments-db.${NS}.svc.cluster.local:5432/payments` }];
    ev.pods = ev.pods.map((p) => ({ ...p, containers: [container({ env })] }));
    expect(analyzeServiceSelectors(ev)).toEqual([]);
  });

  it('lowers confidence when EndpointSlices could not be read', () => {
    const ev = selectorTypoScenario();
    ev.endpointSlices = [];
    ev.readFailures.push({ what: 'EndpointSlices in payments', source: 'endpointSlices', reason: 'forbidden', detail: 'endpointslices.discovery.k8s.io is forbidden' });
    expect(analyzeServiceSelectors(ev)[0]?.confidence).toBe('low');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeServiceSelectors(healthyScenario())).toEqual([]);
  });
});
