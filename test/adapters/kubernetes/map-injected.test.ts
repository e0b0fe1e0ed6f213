import { describe, expect, it } from 'vitest';
import { mapInjectedContainers } from '../../../src/adapters/kubernetes/map-injected.js';

const containers = [{ name: 'web', image: 'shop/web:3.1' }, { name: 'trace-agent', image: 'infra/trace-agent:0.9' }, { name: 'istio-proxy', image: 'istio/proxyv2:1.22.3' }];

describe('mapping the containers admission injected', () => {
  it('reads Kyverno\'s applied patches by container index, and Istio\'s sidecar status', () => {
    const injected = mapInjectedContainers({
      metadata: { annotations: {
        'policies.kyverno.io/last-applied-patches': 'add-tracing.inject-agent.kyverno.io: added /spec/containers/1\n',
        'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy"]}',
      } },
      spec: { containers },
    });
    expect(injected).toEqual([{ name: 'trace-agent', by: 'Kyverno policy add-tracing' }, { name: 'istio-proxy', by: 'the Istio sidecar injector' }]);
  });

  it('finds nothing in a pod no injector annotated, nor in a patch that adds no container', () => {
    expect(mapInjectedContainers({ metadata: {}, spec: { containers } })).toEqual([]);
    expect(mapInjectedContainers({ metadata: { annotations: { 'policies.kyverno.io/last-applied-patches': 'add-labels.team.kyverno.io: added /metadata/labels/team\n' } }, spec: { containers } })).toEqual([]);
  });
});
