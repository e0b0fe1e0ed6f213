import { describe, expect, it } from 'vitest';
import { mapPlacement } from '../../../src/adapters/kubernetes/map-spec.js';

const HOST = 'kubernetes.io/hostname';

describe('mapping required pod affinity', () => {
  it('keeps the required pod affinity and anti-affinity terms, not the preferred ones', () => {
    const placement = mapPlacement({
      containers: [],
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'suggest-cache' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['cache'] }] }, topologyKey: HOST }],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'autocomplete-api' } }, topologyKey: HOST } }],
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'autocomplete-api' } }, topologyKey: HOST, namespaces: ['search'], namespaceSelector: { matchLabels: { team: 'search' } } }],
        },
      },
    });
    expect(placement.requiredPodAffinity).toEqual([{ matchLabels: { app: 'suggest-cache' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['cache'] }], topologyKey: HOST }]);
    expect(placement.requiredPodAntiAffinity).toEqual([{ matchLabels: { app: 'autocomplete-api' }, matchExpressions: [], topologyKey: HOST, namespaces: ['search'], namespaceSelector: 'team=search' }]);
    expect(mapPlacement({ containers: [] }).requiredPodAffinity).toBeUndefined();
  });
});
