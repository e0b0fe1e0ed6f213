// How long the projected service-account token a pod's processes read lives: a client that never
// re-reads the file fails when it expires, so its restarts follow that lifetime.
import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const tokenSource = (expirationSeconds?: number) => ({ serviceAccountToken: { path: 'token', ...(expirationSeconds === undefined ? {} : { expirationSeconds }) } });

describe('mapping the lifetime of the pod\'s service-account token', () => {
  it('reads expirationSeconds of the token volume the API server injects', () => {
    const p = mapPod({
      metadata: { name: 'op-1' },
      spec: {
        containers: [{ name: 'manager', volumeMounts: [{ name: 'kube-api-access-7x2lq', mountPath: SA_PATH, readOnly: true }] }],
        volumes: [{ name: 'kube-api-access-7x2lq', projected: { sources: [tokenSource(3607), { configMap: { name: 'kube-root-ca.crt' } }] } }],
      },
      status: { phase: 'Running' },
    }, 'Deployment');
    expect(p.serviceAccountTokenSeconds).toBe(3607);
  });

  it('prefers a projected token the spec mounts at the service-account path itself, defaulting to the API\'s 3600 s', () => {
    const p = mapPod({
      metadata: { name: 'op-2' },
      spec: {
        containers: [{ name: 'manager', volumeMounts: [{ name: 'short-token', mountPath: SA_PATH }] }],
        volumes: [{ name: 'vault-token', projected: { sources: [{ serviceAccountToken: { path: 't', audience: 'vault', expirationSeconds: 86400 } }] } }, { name: 'short-token', projected: { sources: [tokenSource()] } }],
      },
      status: { phase: 'Running' },
    }, 'Deployment');
    expect(p.serviceAccountTokenSeconds).toBe(3600);
  });

  it('maps nothing when no projected token reaches the service-account path (automount off, a token Secret)', () => {
    const p = mapPod({
      metadata: { name: 'op-3' },
      spec: { containers: [{ name: 'manager', volumeMounts: [{ name: 'sa-token', mountPath: SA_PATH }] }], volumes: [{ name: 'sa-token', secret: { secretName: 'op-token' } }] },
      status: { phase: 'Running' },
    }, 'Deployment');
    expect(p.serviceAccountTokenSeconds).toBeUndefined();
  });
});
