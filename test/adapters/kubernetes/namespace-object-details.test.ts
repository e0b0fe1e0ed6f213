// The LimitRanges and ConfigMaps of the namespace are listed already: their bounds and key names
// (never values) are kept, so a refusal can name its LimitRange and a missing key what replaced it.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, configMap, container, deploymentApp, limitRange, namespace, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const target = { service: 'query-gateway', namespace: 'search', kind: 'Deployment', name: 'query-gateway' } as const;

function cluster() {
  const app = deploymentApp({
    namespace: 'search',
    name: 'query-gateway',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/search/query-gateway:1.4.0' })] } }],
    pods: [],
  });
  return [
    ...threeNodes(), ...app.objects,
    // The wire's field name is `default`; the TypeScript client calls it `_default`.
    limitRange({ namespace: 'search', name: 'container-limits', createdAgo: 40 * DAYS, limits: [{ type: 'Container', default: { memory: '512Mi' }, max: { memory: '8Gi' }, maxLimitRequestRatio: { memory: '2' } } as unknown as k8s.V1LimitRangeItem] }),
    configMap({ namespace: 'search', name: 'kafka-client', createdAgo: 40 * DAYS, data: { KAFKA_BOOTSTRAP_SERVERS: 'b-1:9094', KAFKA_SSL: 'true' } }),
    configMap({ namespace: 'search', name: 'ranking-rules', createdAgo: 40 * DAYS, data: { RULES_JSON: `{"rules":"${'é'.repeat(70_000)}"}`, RULES_VERSION: '7' } }),
  ];
}

describe('the namespace\'s LimitRanges and ConfigMaps', () => {
  it('keep a LimitRange\'s bounds and a ConfigMap\'s key names, without its values', async () => {
    for (const o of cluster()) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const range = ev.namespaceObjects?.find((o) => o.kind === 'LimitRange');
    expect(range?.limits).toEqual([{ type: 'Container', default: { memory: '512Mi' }, max: { memory: '8Gi' }, maxLimitRequestRatio: { memory: '2' } }]);
    const cm = ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === 'kafka-client');
    expect(cm?.keys).toEqual(['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SSL']);
    expect(JSON.stringify(ev.namespaceObjects)).not.toContain('b-1:9094');
  });

  it('keep the byte size of a large value (what an env string must fit), never the value', async () => {
    for (const o of cluster()) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const cm = ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === 'ranking-rules');
    // UTF-8 bytes, not characters: each "é" is two.
    expect(cm?.largeKeys).toEqual([{ key: 'RULES_JSON', bytes: 140_012 }]);
    expect(ev.namespaceObjects?.find((o) => o.name === 'kafka-client')?.largeKeys).toBeUndefined();
    expect(JSON.stringify(ev.namespaceObjects)).not.toContain('éé');
  });
});

describe('the Namespace\'s default node selector', () => {
  it('keeps the PodNodeSelector annotation admission merges into every pod, from the Namespace read already', async () => {
    const ns = namespace({ name: 'search', createdAgo: 300 * DAYS });
    ns.metadata = { ...ns.metadata, annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=search,disk=ssd', 'team': 'search' } };
    for (const o of [...cluster(), ns]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const own = ev.namespaceObjects?.find((o) => o.kind === 'Namespace');
    expect(own?.defaultNodeSelector).toEqual({ annotation: 'scheduler.alpha.kubernetes.io/node-selector', value: 'pool=search,disk=ssd' });
  });

  it('keeps none when the Namespace has no such annotation', async () => {
    for (const o of [...cluster(), namespace({ name: 'search', createdAgo: 300 * DAYS })]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const own = ev.namespaceObjects?.find((o) => o.kind === 'Namespace');
    expect(own).toBeDefined();
    expect(own?.defaultNodeSelector).toBeUndefined();
  });
});

describe('the mesh injection the Namespace asks for', () => {
  it('keeps Istio\'s injection label, with the time it was set, from the Namespace read already', async () => {
    const ns = namespace({ name: 'search', createdAgo: 300 * DAYS, labels: { 'istio-injection': 'enabled', team: 'search' }, labelledAgo: 190 });
    for (const o of [...cluster(), ns]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const own = ev.namespaceObjects?.find((o) => o.kind === 'Namespace');
    expect(own?.meshInjection).toEqual({ mesh: 'Istio', setting: 'istio-injection=enabled' });
    expect(own?.changedAt).toBeDefined();
  });

  it('keeps none for a namespace that turns injection off or never asks', async () => {
    const off = namespace({ name: 'search', createdAgo: 300 * DAYS, labels: { 'istio-injection': 'disabled', 'istio.io/rev': 'canary' } });
    for (const o of [...cluster(), off]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceObjects?.find((o) => o.kind === 'Namespace')?.meshInjection).toBeUndefined();
  });
});
