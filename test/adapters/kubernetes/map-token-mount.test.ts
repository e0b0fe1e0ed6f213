import { describe, expect, it } from 'vitest';
import { mapVolumeMounts } from '../../../src/adapters/kubernetes/map-spec.js';

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('mapping mounts at the service-account path', () => {
  it('drops the token volume the API server injects, keeps a Secret volume the spec mounts there itself', () => {
    expect(mapVolumeMounts([{ name: 'kube-api-access-7x2lq', mountPath: SA_PATH, readOnly: true }, { name: 'data', mountPath: '/data' }])).toEqual([{ name: 'data', mountPath: '/data' }]);
    expect(mapVolumeMounts([{ name: 'sa-token', mountPath: SA_PATH, readOnly: true }])).toEqual([{ name: 'sa-token', mountPath: SA_PATH, readOnly: true }]);
  });
});
