// A Service's client source ranges, from the spec field or the annotation, with when they were written.
import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapService source ranges', () => {
  it('reads spec.loadBalancerSourceRanges with the newest managedFields write of that field', () => {
    const svc = mapService({
      metadata: {
        name: 'edge',
        managedFields: [
          { manager: 'helm', operation: 'Update', time: new Date('2026-01-01T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:type': {} } } },
          { manager: 'kubectl-edit', operation: 'Update', time: new Date('2026-01-02T03:04:05Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:loadBalancerSourceRanges': {} } } },
          { manager: 'cloud-controller', operation: 'Update', time: new Date('2026-01-02T03:05:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
        ],
      },
      spec: { type: 'LoadBalancer', selector: { app: 'edge' }, ports: [{ port: 443 }], loadBalancerSourceRanges: ['198.51.100.0/24', ' 192.0.2.0/26'] },
    });
    expect(svc.sourceRanges).toEqual({ ranges: ['198.51.100.0/24', '192.0.2.0/26'], from: 'spec', setAt: '2026-01-02T03:04:05Z', setBy: 'kubectl-edit' });
  });

  it('reads the annotation when the spec field is empty, and nothing when neither is set', () => {
    const annotated = mapService({
      metadata: {
        name: 'edge', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '198.51.100.0/24, 192.0.2.0/26' },
        managedFields: [{ manager: 'kubectl-annotate', operation: 'Update', time: new Date('2026-01-03T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:service.beta.kubernetes.io/load-balancer-source-ranges': {} } } } }],
      },
      spec: { type: 'LoadBalancer', selector: { app: 'edge' }, ports: [{ port: 443 }] },
    });
    expect(annotated.sourceRanges).toEqual({ ranges: ['198.51.100.0/24', '192.0.2.0/26'], from: 'annotation', setAt: '2026-01-03T00:00:00Z', setBy: 'kubectl-annotate' });
    expect(mapService({ metadata: { name: 'x' }, spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] } }).sourceRanges).toBeUndefined();
  });
});
