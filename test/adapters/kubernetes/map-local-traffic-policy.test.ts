import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapping internalTrafficPolicy Local', () => {
  it('keeps who set it and when (the managedFields entry that owns the field)', () => {
    const svc = mapService({
      metadata: { name: 'pricing', managedFields: [
        { manager: 'helm', operation: 'Update', time: new Date('2026-05-01T00:00:00Z'), fieldsV1: { 'f:spec': { 'f:ports': {} } } },
        { manager: 'kubectl-edit', operation: 'Update', time: new Date('2026-11-21T00:04:00Z'), fieldsV1: { 'f:spec': { 'f:internalTrafficPolicy': {} } } },
        { manager: 'kubectl-label', operation: 'Update', time: new Date('2026-11-21T00:09:00Z'), fieldsV1: { 'f:metadata': { 'f:labels': {} } } },
      ] },
      spec: { selector: { app: 'pricing' }, ports: [{ port: 80 }], internalTrafficPolicy: 'Local' },
    });
    expect(svc.internalTrafficPolicy).toBe('Local');
    expect(svc.localPolicySet).toEqual({ at: '2026-11-21T00:04:00Z', by: 'kubectl-edit' });
  });

  it('says nothing of when when no entry owns the field', () => {
    const svc = mapService({ metadata: { name: 'pricing' }, spec: { ports: [], internalTrafficPolicy: 'Local' } });
    expect(svc.internalTrafficPolicy).toBe('Local');
    expect(svc.localPolicySet).toBeUndefined();
    expect(mapService({ metadata: { name: 'x' }, spec: { ports: [], internalTrafficPolicy: 'Cluster' } }).localPolicySet).toBeUndefined();
  });
});
