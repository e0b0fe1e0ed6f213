import { describe, expect, it } from 'vitest';
import { hasHaproxyConfig } from '../../../src/adapters/kubernetes/read-front-proxy.js';

describe('looking for a load balancer in front of the workload', () => {
  it('only where a ConfigMap of the namespace holds an HAProxy config file', () => {
    expect(hasHaproxyConfig([{ kind: 'ConfigMap', name: 'edge-lb-config', keys: ['haproxy.cfg'] }])).toBe(true);
    expect(hasHaproxyConfig([{ kind: 'ConfigMap', name: 'app-config', keys: ['application.yaml'] }, { kind: 'Service', name: 'haproxy' }])).toBe(false);
  });
});
