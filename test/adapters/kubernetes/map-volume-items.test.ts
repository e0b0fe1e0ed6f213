import { describe, expect, it } from 'vitest';
import { mapVolumes } from '../../../src/adapters/kubernetes/map-spec.js';

describe('mapping the items of Secret and ConfigMap volumes', () => {
  it('keeps the keys an items list projects, and nothing when the volume projects every key', () => {
    const [secret, configMap, whole] = mapVolumes([
      { name: 'certs', secret: { secretName: 'edge-certs', items: [{ key: 'tls.crt', path: 'tls.crt' }, { key: 'tls.key', path: 'private/tls.key' }] } },
      { name: 'conf', configMap: { name: 'edge-conf', items: [{ key: 'nginx.conf', path: 'nginx.conf' }] } },
      { name: 'all', secret: { secretName: 'edge-all' } },
    ]);
    expect(secret).toEqual({ name: 'certs', source: 'secret', ref: 'edge-certs', items: ['tls.crt', 'tls.key'] });
    expect(configMap?.items).toEqual(['nginx.conf']);
    expect(whole?.items).toBeUndefined();
  });

  it('keeps the audience of a projected service-account token', () => {
    const [token, plain] = mapVolumes([
      { name: 'api-token', projected: { sources: [{ serviceAccountToken: { audience: 'billing-api', path: 'token', expirationSeconds: 3600 } }] } },
      { name: 'bundle', projected: { sources: [{ configMap: { name: 'ca-bundle' } }] } },
    ]);
    expect(token).toEqual({ name: 'api-token', source: 'projected', audience: 'billing-api' });
    expect(plain?.audience).toBeUndefined();
  });
});
