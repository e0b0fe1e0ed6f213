// Who keeps a Service's EndpointSlice and since when: a slice the EndpointSlice controller keeps
// follows the selected pods; one mirrored from hand-written Endpoints (a Service without a
// selector) names whatever address someone wrote, and only its times say when.
import { describe, expect, it } from 'vitest';
import { mapEndpointSlice } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapEndpointSlice origin', () => {
  it('reads the managed-by label, the creation time and the newest write', () => {
    const slice = mapEndpointSlice({
      addressType: 'IPv4',
      metadata: {
        name: 'ledger-abcde',
        creationTimestamp: new Date('2025-10-17T09:00:00Z'),
        labels: { 'kubernetes.io/service-name': 'ledger', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' },
        managedFields: [
          { manager: 'kube-controller-manager', operation: 'Update', time: new Date('2025-10-17T09:00:00Z') },
          { manager: 'kube-controller-manager', operation: 'Update', time: new Date('2026-02-01T12:00:00Z') },
        ],
      },
      endpoints: [{ addresses: ['10.60.3.21'] }],
      ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
    });
    expect(slice.managedBy).toBe('endpointslicemirroring-controller.k8s.io');
    expect(slice.createdAt).toBe('2025-10-17T09:00:00Z');
    expect(slice.changedAt).toBe('2026-02-01T12:00:00Z');
  });

  it('leaves out what the slice does not say', () => {
    const slice = mapEndpointSlice({ addressType: 'IPv4', metadata: { name: 'web-x', labels: { 'kubernetes.io/service-name': 'web' } }, endpoints: [] });
    expect(slice).not.toHaveProperty('managedBy');
    expect(slice).not.toHaveProperty('createdAt');
    expect(slice).not.toHaveProperty('changedAt');
  });
});
