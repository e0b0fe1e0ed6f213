// Lookups that stall at the resolver timeout (the app's own DNS-phase timings at 5 s, most in a few
// ms): the adapter lists the namespace's Deployments once (bounded) to find a sibling that already
// sets a resolver option against the A/AAAA race. Nothing of the namespace's Deployments is read otherwise.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'fulfilment';
const target = { service: 'stock-sync', namespace: NS, kind: 'Deployment' as const, name: 'stock-sync' };

function timed(dnsMs: readonly number[]): string {
  return dnsMs.map((ms, i) => `level=info msg="vendor call" host=feed${i % 3}.vendor.example status=200 dns_ms=${ms} connect_ms=11`).join('\n') + '\n';
}

function withOptions(objects: readonly object[], options: k8s.V1PodDNSConfigOption[]): void {
  for (const o of objects as { kind?: string; spec?: { template?: { spec?: object } } }[]) {
    const t = o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? o.spec?.template : undefined;
    if (t?.spec) t.spec = { ...t.spec, dnsConfig: { options } };
  }
}

function cluster(log: string) {
  const sync = deploymentApp({
    namespace: NS, name: 'stock-sync', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/stock-sync:1.4.0' })] } }],
    pods: [{ revision: 7, node: NODE_A, createdAgo: 9 * DAYS }, { revision: 7, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const labels = deploymentApp({
    namespace: NS, name: 'parcel-labels', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'registry.example.com/parcel-labels:2.0.1' })] } }],
    pods: [{ revision: 3, node: NODE_B, createdAgo: 30 * DAYS }],
  });
  withOptions(labels.objects, [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }]);
  for (const o of [...threeNodes(), ...sync.objects, ...labels.objects]) h.fake.add(o);
  for (const p of sync.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const deploymentLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/deployments`);

describe('the resolver options of the namespace\'s Deployments, when lookups stall at the resolver timeout', () => {
  it('lists the namespace\'s Deployments once, bounded, and keeps the others that set resolver options', async () => {
    cluster(timed([2, 3, 5004, 1, 2, 5009, 4, 2, 3, 5006, 2, 1]));
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.resolverPeers).toEqual([{ deployment: 'parcel-labels', options: ['ndots:2', 'single-request-reopen'] }]);
    expect(deploymentLists()).toHaveLength(1);
    expect(Number(deploymentLists()[0]?.query.limit)).toBeLessThanOrEqual(200);
  });

  it('reads no Deployments of the namespace when the lookups are fast', async () => {
    cluster(timed([2, 3, 4, 1, 2, 3, 4, 2, 3, 5, 2, 1]));
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).resolverPeers).toBeUndefined();
    expect(deploymentLists()).toEqual([]);
  });
});
