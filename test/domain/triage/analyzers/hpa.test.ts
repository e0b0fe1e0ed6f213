import { describe, expect, it } from 'vitest';
import { analyzeHpa } from '../../../../src/domain/triage/analyzers/hpa.js';
import { hpa } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { hpaPendingScenario } from '../scenarios/scheduling.js';

describe('analyzeHpa', () => {
  it('reports an HPA at its maximum with metrics above target, and the recent rescale as context', () => {
    const findings = analyzeHpa(hpaPendingScenario());
    expect(findings.map((f) => f.id)).toEqual(['hpa/payment-service/at-max', 'hpa/payment-service/rescaled']);
    expect(findings[0]?.title).toBe('HPA payment-service at its maximum (12/12 replicas) with cpu 131% (target 70%)');
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[1]?.severity).toBe('info');
    expect(findings[1]?.title).toContain('New size: 12');
  });

  it('reports an HPA that cannot read its metrics and names missing requests', () => {
    const ev = healthyScenario();
    ev.hpas = [
      hpa({
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale' },
          { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container app of Pod payment-service-7c9d8f6b5d-x2kqj' },
        ],
      }),
    ];
    const [f] = analyzeHpa(ev);
    expect(f?.title).toBe('HPA payment-service cannot scale: ScalingActive=False (FailedGetResourceMetric)');
    expect(f?.likelyCause).toContain('no CPU/memory request');
  });

  it('is not alarmed by an HPA at max whose metrics are below target', () => {
    const ev = healthyScenario();
    ev.hpas = [hpa({ maxReplicas: 5, currentReplicas: 5, desiredReplicas: 5, metrics: [{ name: 'cpu', current: '52%', target: '70%' }] })];
    expect(analyzeHpa(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeHpa(healthyScenario())).toEqual([]);
  });
});
