import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';

describe('mapService IP families', () => {
  it('reads spec.ipFamilies and spec.ipFamilyPolicy as the API server wrote them', () => {
    const svc = mapService({ metadata: { name: 'catalog-api' }, spec: { clusterIP: 'fd00:10:96::5c1e', clusterIPs: ['fd00:10:96::5c1e'], ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack', selector: { app: 'catalog-api' }, ports: [{ port: 80, targetPort: 8000 }] } });
    expect(svc.ipFamilies).toEqual(['IPv6']);
    expect(svc.ipFamilyPolicy).toBe('SingleStack');
  });

  it('leaves them out when the Service does not say (an older API server, ExternalName)', () => {
    const svc = mapService({ metadata: { name: 'geoip' }, spec: { type: 'ExternalName', externalName: 'geoip.example.com' } });
    expect(svc.ipFamilies).toBeUndefined();
    expect(svc.ipFamilyPolicy).toBeUndefined();
  });
});
