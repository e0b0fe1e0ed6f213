import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';

describe('mapping the readiness gates a pod declares', () => {
  it('maps spec.readinessGates to their condition types, and nothing when the pod declares none', () => {
    const gate = 'target-health.elbv2.k8s.aws/k8s-shop-web-0a1b2c3d4e';
    const gated = mapPod({ metadata: { name: 'web-1' }, spec: { containers: [], readinessGates: [{ conditionType: gate }] }, status: { phase: 'Running' } }, 'Deployment');
    expect(gated.readinessGates).toEqual([gate]);
    expect(mapPod({ metadata: { name: 'web-2' }, spec: { containers: [] }, status: { phase: 'Running' } }, 'Deployment').readinessGates).toBeUndefined();
  });
});
