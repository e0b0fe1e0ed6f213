// The callers of a workload that had no serving pod: pods of other workloads whose env names its
// Service, found with one list of the namespace's pods, and a log tail of one per workload.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, ago, container, deploymentApp, event, exposed, rsOf, scaledReplicaSet, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const target = { service: 'cache', namespace: 'shop', kind: 'Deployment' as const, name: 'cache' };
const nodeName = threeNodes()[0]?.metadata?.name ?? '';

function cluster(o: { stopped: boolean }) {
  const cache = deploymentApp({
    namespace: 'shop', name: 'cache', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/mirror/redis:7.2.5' })] } }],
    pods: [{ revision: 2, node: nodeName, createdAgo: o.stopped ? 5 : 9 * DAYS }],
  });
  const api = (name: string, env: { name: string; value: string }[]) => deploymentApp({
    namespace: 'shop', name, replicas: 2,
    revisions: [{ revision: 7, createdAgo: 3 * DAYS, template: { containers: [container({ image: `registry.example.com/shop/${name}:1.0.0`, env })] } }],
    pods: [{ revision: 7, node: nodeName, createdAgo: 3 * DAYS }, { revision: 7, node: nodeName, createdAgo: 3 * DAYS }],
  });
  const cart = api('cart-api', [{ name: 'CACHE_ADDR', value: 'cache:6379' }]);
  const search = api('search-api', [{ name: 'CACHE_URL', value: 'redis://cache-replica:6379' }]);
  const pod = cache.pods[0];
  const stops = o.stopped && pod ? [event({ on: pod, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 9, lastAgo: 9 })] : [];
  return { objects: [...threeNodes(), ...cache.objects, ...cart.objects, ...search.objects, ...exposed({ namespace: 'shop', name: 'cache', selector: { app: 'cache' }, pods: cache.pods }), ...stops], cart, cache };
}

function podLists(): string[] {
  return h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/shop/pods').map((r) => String(r.query['labelSelector'] ?? ''));
}

describe('callers of a workload that had no serving pod', () => {
  it('lists the namespace\'s pods once and reads the log of one pod of each workload whose env names its Service', async () => {
    const c = cluster({ stopped: true });
    for (const o of c.objects) h.fake.add(o);
    const caller = c.cart.pods[0]?.metadata?.name ?? '';
    h.fake.setLogs('shop', caller, 'app', { current: 'dial tcp 10.96.0.10:6379: connect: connection refused\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podLists().filter((s) => s === '')).toHaveLength(1);
    expect(ev.serviceCallers?.map((s) => [s.owner, s.service, s.via])).toEqual([['Deployment cart-api', 'cache', 'env CACHE_ADDR=cache:6379']]);
    expect(ev.serviceCallers?.[0]?.log?.lines).toEqual(['dial tcp 10.96.0.10:6379: connect: connection refused']);
  });

  it('reads no caller of a workload whose pods serve', async () => {
    for (const o of cluster({ stopped: false }).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podLists().filter((s) => s === '')).toEqual([]);
    expect(ev.serviceCallers).toBeUndefined();
  });

  it('reads the callers of a workload that serves while its own log reports slow requests again and again', async () => {
    const c = cluster({ stopped: false });
    for (const o of c.objects) h.fake.add(o);
    const slow = '{"level":"warn","msg":"slow request","command":"EVAL","duration":"1.4s"}\n';
    h.fake.setLogs('shop', c.cache.pods[0]?.metadata?.name ?? '', 'app', { current: slow.repeat(4) });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podLists().filter((s) => s === '')).toHaveLength(1);
    expect(ev.serviceCallers?.map((s) => s.owner)).toEqual(['Deployment cart-api']);
  });

  it('reads the callers of a workload that serves now but whose Recreate rollout left no ready pod for minutes', async () => {
    const image = (v: string) => ({ containers: [container({ image: `registry.example.com/mirror/redis:${v}` })] });
    const cache = deploymentApp({
      namespace: 'shop', name: 'cache', replicas: 2, strategy: { type: 'Recreate' },
      revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: image('7.2.4') }, { revision: 3, createdAgo: 10, template: image('7.2.5') }],
      pods: [{ revision: 3, node: nodeName, createdAgo: 9.8 }, { revision: 3, node: nodeName, createdAgo: 9.8 }],
    });
    // Ready only 3 minutes after the old ReplicaSet went to 0.
    for (const p of cache.pods) for (const c of p.status?.conditions ?? []) if (c.type === 'Ready') c.lastTransitionTime = ago(6.8);
    const dep = cache.objects.find((o) => o.kind === 'Deployment');
    const c = cluster({ stopped: false });
    const rest = c.objects.filter((o) => !(o.metadata?.name ?? '').startsWith('cache') || o.kind === 'Node');
    for (const o of [...rest, ...cache.objects, ...exposed({ namespace: 'shop', name: 'cache', selector: { app: 'cache' }, pods: cache.pods })]) h.fake.add(o);
    if (dep !== undefined) h.fake.add(scaledReplicaSet(dep, rsOf(cache, 2), 0, 2, 10));
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podLists().filter((s) => s === '')).toHaveLength(1);
    expect(ev.serviceCallers?.map((s) => s.owner)).toEqual(['Deployment cart-api']);
  });
});
