import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';

describe("mapping a pod's own addresses", () => {
  it('maps status.podIPs (or status.podIP), and nothing before the pod has one', () => {
    const dual = mapPod({ metadata: { name: 'api-1' }, spec: { containers: [] }, status: { phase: 'Running', podIP: '10.0.23.235', podIPs: [{ ip: '10.0.23.235' }, { ip: 'fd00::17' }] } }, 'Deployment');
    expect(dual.podIPs).toEqual(['10.0.23.235', 'fd00::17']);
    const single = mapPod({ metadata: { name: 'api-2' }, spec: { containers: [] }, status: { phase: 'Running', podIP: '10.0.23.236' } }, 'Deployment');
    expect(single.podIPs).toEqual(['10.0.23.236']);
    expect(mapPod({ metadata: { name: 'api-3' }, spec: { containers: [] }, status: { phase: 'Pending' } }, 'Deployment').podIPs).toBeUndefined();
  });
});
