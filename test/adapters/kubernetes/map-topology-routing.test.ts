import { describe, expect, it } from 'vitest';
import { mapEndpointSlice, mapService } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapping topology-aware routing', () => {
  it('maps the topology-mode annotation with who set it and when (managedFields)', () => {
    const svc = mapService({
      metadata: {
        name: 'search', annotations: { 'service.kubernetes.io/topology-mode': 'Auto' },
        managedFields: [
          { manager: 'helm', operation: 'Update', time: new Date('2026-05-01T00:00:00Z'), fieldsV1: { 'f:spec': { 'f:ports': {} } } },
          { manager: 'argocd-controller', operation: 'Apply', time: new Date('2026-11-21T01:38:00Z'), fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:service.kubernetes.io/topology-mode': {} } } } },
        ],
      },
      spec: { selector: { app: 'search' }, ports: [{ port: 80 }] },
    });
    expect(svc.topologyRouting).toEqual({ setting: 'service.kubernetes.io/topology-mode: Auto', setAt: '2026-11-21T01:38:00Z', setBy: 'argocd-controller' });
  });

  it('maps the older topology-aware-hints annotation and spec.trafficDistribution; not a disabled mode', () => {
    expect(mapService({ metadata: { name: 'a', annotations: { 'service.kubernetes.io/topology-aware-hints': 'auto' } }, spec: { ports: [] } }).topologyRouting?.setting).toBe('service.kubernetes.io/topology-aware-hints: auto');
    expect(mapService({ metadata: { name: 'b' }, spec: { ports: [], trafficDistribution: 'PreferClose' } }).topologyRouting?.setting).toBe('trafficDistribution: PreferClose');
    expect(mapService({ metadata: { name: 'c', annotations: { 'service.kubernetes.io/topology-mode': 'Disabled' } }, spec: { ports: [] } }).topologyRouting).toBeUndefined();
    expect(mapService({ metadata: { name: 'd' }, spec: { ports: [] } }).topologyRouting).toBeUndefined();
  });

  it('maps each endpoint\'s zone and the zones its hints give it to', () => {
    const slice = mapEndpointSlice({
      addressType: 'IPv4', metadata: { name: 'search-x1', labels: { 'kubernetes.io/service-name': 'search' } },
      endpoints: [
        { addresses: ['10.0.1.5'], zone: 'eu-west-1a', hints: { forZones: [{ name: 'eu-west-1a' }, { name: 'eu-west-1c' }] } },
        { addresses: ['10.0.2.5'] },
      ],
    });
    expect(slice.endpoints[0]).toMatchObject({ zone: 'eu-west-1a', forZones: ['eu-west-1a', 'eu-west-1c'] });
    expect(slice.endpoints[1]?.zone).toBeUndefined();
    expect(slice.endpoints[1]?.forZones).toBeUndefined();
  });
});
