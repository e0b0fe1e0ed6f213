import { describe, expect, it } from 'vitest';
import { mapEnvFrom } from '../../../src/adapters/kubernetes/map-spec.js';
import { mapWorkload } from '../../../src/adapters/kubernetes/map-workload.js';

describe('mapEnvFrom: a prefix', () => {
  it('keeps the prefix the kubelet puts before every key of the source, and nothing when unset', () => {
    expect(mapEnvFrom([{ prefix: 'APP_', configMapRef: { name: 'order-history-config' } }, { configMapRef: { name: 'platform-observability' } }, { prefix: '', secretRef: { name: 'db' } }])).toEqual([
      { kind: 'configMap', name: 'order-history-config', prefix: 'APP_' },
      { kind: 'configMap', name: 'platform-observability' },
      { kind: 'secret', name: 'db' },
    ]);
  });
});

describe('mapWorkload: a StatefulSet\'s serviceName', () => {
  it('keeps the governing Service the pods\' DNS names are published under', () => {
    const template = { spec: { containers: [{ name: 'consul', image: 'hashicorp/consul:1.19.2' }] } };
    const set = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'consul-server', namespace: 'consul' }, spec: { selector: {}, serviceName: 'consul-server', template } } });
    expect(set.serviceName).toBe('consul-server');
    const none = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'cache', namespace: 'ledger' }, spec: { selector: {}, template } } });
    expect(none).not.toHaveProperty('serviceName');
  });
});
