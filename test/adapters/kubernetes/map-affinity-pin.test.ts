import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';
import { mapPodTemplate } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping where load and placement come from', () => {
  it('maps ClientIP session affinity with its timeout and who set it (managedFields)', () => {
    const svc = mapService({
      metadata: { name: 'render', managedFields: [
        { manager: 'argocd-controller', operation: 'Update', time: new Date('2026-05-01T00:00:00Z'), fieldsV1: { 'f:spec': {} } },
        { manager: 'kubectl-patch', operation: 'Update', time: new Date('2026-11-21T00:04:00Z'), fieldsV1: { 'f:spec': { 'f:sessionAffinity': {} } } },
      ] },
      spec: { selector: { app: 'render' }, ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
    });
    expect(svc.clientIpAffinity).toEqual({ timeoutSeconds: 10800, setAt: '2026-11-21T00:04:00Z', setBy: 'kubectl-patch' });
    expect(mapService({ metadata: { name: 'x' }, spec: { sessionAffinity: 'None', ports: [] } }).clientIpAffinity).toBeUndefined();
  });

  it('maps spec.nodeName set in a pod template', () => {
    expect(mapPodTemplate({ containers: [], nodeName: 'node-1' }).nodeName).toBe('node-1');
    expect(mapPodTemplate({ containers: [] }).nodeName).toBeUndefined();
  });
});
