import { describe, expect, it } from 'vitest';
import { mapInjectedContainers, mapMissedInjection } from '../../../src/adapters/kubernetes/map-injected.js';

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

  it('does not take a patch inside a container (its resources) for an added container', () => {
    const patches = 'add-default-limits.default-memory-limit.kyverno.io: added /spec/containers/0/resources/limits\n';
    expect(mapInjectedContainers({ metadata: { annotations: { 'policies.kyverno.io/last-applied-patches': patches } }, spec: { containers } })).toEqual([]);
  });
});

describe('mapping a Vault agent injection, done or missed', () => {
  const asks = { 'vault.hashicorp.com/agent-inject': 'true', 'vault.hashicorp.com/role': 'billing-api' };
  it('reads the injector\'s status annotation as its vault-agent-init and vault-agent containers', () => {
    const injected = mapInjectedContainers({
      metadata: { annotations: { ...asks, 'vault.hashicorp.com/agent-inject-status': 'injected' } },
      spec: { initContainers: [{ name: 'vault-agent-init' }], containers: [{ name: 'app' }, { name: 'vault-agent' }] },
    });
    expect(injected).toEqual([{ name: 'vault-agent-init', by: 'the Vault agent injector' }, { name: 'vault-agent', by: 'the Vault agent injector' }]);
    expect(mapMissedInjection({ metadata: { annotations: { ...asks, 'vault.hashicorp.com/agent-inject-status': 'injected' } }, spec: { containers: [{ name: 'app' }] } })).toBeUndefined();
  });

  it('says a pod that asks for the agent and carries no status was admitted without it', () => {
    const missed = mapMissedInjection({ metadata: { annotations: asks }, spec: { containers: [{ name: 'app' }] } });
    expect(missed?.injector).toBe('the Vault agent injector');
    expect(missed?.containers).toEqual(['vault-agent-init', 'vault-agent']);
    expect(missed?.home).toEqual({ namespace: 'vault', selector: 'app.kubernetes.io/name=vault-agent-injector', name: 'vault-agent-injector' });
    expect(mapMissedInjection({ metadata: {}, spec: { containers: [{ name: 'app' }] } })).toBeUndefined();
  });

  it('does not call a pod that carries the agent\'s containers admitted without them, status annotation or not', () => {
    const carried = { metadata: { annotations: asks }, spec: { initContainers: [{ name: 'vault-agent-init' }], containers: [{ name: 'app' }, { name: 'vault-agent' }] } };
    expect(mapMissedInjection(carried)).toBeUndefined();
    const proxied = { metadata: { labels: { 'sidecar.istio.io/inject': 'true' } }, spec: { containers: [{ name: 'app' }, { name: 'istio-proxy' }] } };
    expect(mapMissedInjection(proxied)).toBeUndefined();
  });
});
