import { describe, expect, it } from 'vitest';
import { mapVolumes } from '../../../src/adapters/kubernetes/map-spec.js';

describe('mapVolumes: a projected volume', () => {
  it('keeps its ConfigMap and Secret sources in order, with the keys their items list', () => {
    const [v] = mapVolumes([{
      name: 'config',
      projected: {
        sources: [
          { configMap: { name: 'app-config', items: [{ key: 'application.yaml', path: 'application.yaml' }] } },
          { configMap: { name: 'shared-defaults' } },
          { secret: { name: 'app-tls' } },
          { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      },
    }]);
    expect(v?.projectedSources).toEqual([
      { kind: 'configMap', name: 'app-config', items: ['application.yaml'] },
      { kind: 'configMap', name: 'shared-defaults' },
      { kind: 'secret', name: 'app-tls' },
    ]);
  });
});
