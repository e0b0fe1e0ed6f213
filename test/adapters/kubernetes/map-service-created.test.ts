import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapService creation time', () => {
  it('reads the creation time of every Service, not only of LoadBalancers', () => {
    const svc = mapService({ metadata: { name: 'metrics', creationTimestamp: new Date('2026-01-02T03:04:05Z') }, spec: { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'metrics' }, ports: [{ port: 9100 }] } });
    expect(svc.createdAt).toBe('2026-01-02T03:04:05Z');
  });
});
