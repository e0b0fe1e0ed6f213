import { describe, expect, it } from 'vitest';
import { mapPlacement } from '../../../src/adapters/kubernetes/map-spec.js';

const ZONE = 'topology.kubernetes.io/zone';

describe('mapping topology spread constraints', () => {
  it('maps the topology spread constraints of a pod spec', () => {
    const placement = mapPlacement({ containers: [], topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'x' } } }] });
    expect(placement.topologySpread).toEqual([{ topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 }]);
    expect(mapPlacement({ containers: [] }).topologySpread).toBeUndefined();
  });

  it('keeps nodeTaintsPolicy, which decides whether cordoned nodes still count as domains', () => {
    const placement = mapPlacement({ containers: [], topologySpreadConstraints: [{ maxSkew: 2, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor' }] });
    expect(placement.topologySpread).toEqual([{ topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2, nodeTaintsPolicy: 'Honor' }]);
  });
});
