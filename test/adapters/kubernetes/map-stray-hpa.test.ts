import { describe, expect, it } from 'vitest';
import { mapStrayHpa } from '../../../src/adapters/kubernetes/map-hpa.js';

describe('mapStrayHpa', () => {
  const aimedAt = (status: 'True' | 'False', reason: string, message: string) => ({
    metadata: { name: 'billing' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'billing-old' }, minReplicas: 2, maxReplicas: 9 },
    status: { currentReplicas: 2, desiredReplicas: 2, conditions: [{ type: 'AbleToScale', status, reason, message, lastTransitionTime: new Date('2026-01-01T10:00:00Z') }] },
  });

  it('keeps an HPA whose scale target is not found, with its target and since when', () => {
    expect(mapStrayHpa(aimedAt('False', 'FailedGetScale', 'deployments.apps "billing-old" not found'))).toEqual({
      name: 'billing', targetKind: 'Deployment', targetName: 'billing-old', minReplicas: 2, maxReplicas: 9, message: 'deployments.apps "billing-old" not found', since: '2026-01-01T10:00:00Z',
    });
  });

  it('drops an HPA able to scale, or failing for another reason', () => {
    expect(mapStrayHpa(aimedAt('True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale'))).toBeUndefined();
    expect(mapStrayHpa(aimedAt('False', 'FailedGetScale', 'Unauthorized'))).toBeUndefined();
  });
});
