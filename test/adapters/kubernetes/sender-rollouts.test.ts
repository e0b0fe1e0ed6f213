// An indexer whose search index refuses its documents for their mapping (mapper_parsing_exception)
// while its own revision is old: the adapter lists the ReplicaSets of the other namespace the
// failure lines name (a source path) once, bounded, so the verdict can name the sender that rolled
// out there. Nothing of other namespaces is read otherwise.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'search';
const OTHER = 'shop';
const target = { service: 'order-indexer', namespace: NS, kind: 'Deployment' as const, name: 'order-indexer' };
const at = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const refused = (m: number) => JSON.stringify({
  level: 'error', time: at(m), index: 'orders-v3', status: 400, source: `/${OTHER}/order-api`,
  error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [customer_id] of type [long] in document with id \'o-1\'' },
  message: 'bulk item rejected, document dropped',
});

function cluster(log: string) {
  const indexer = deploymentApp({
    namespace: NS, name: 'order-indexer', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/order-indexer:1.2.0' })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 9 * DAYS }],
  });
  const api = deploymentApp({
    namespace: OTHER, name: 'order-api', replicas: 1,
    revisions: [
      { revision: 30, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/order-api:2.9.4' })] } },
      { revision: 31, createdAgo: 100, template: { containers: [container({ image: 'registry.example.com/order-api:3.0.0' })] } },
    ],
    pods: [{ revision: 31, node: NODE_B, createdAgo: 99 }],
  });
  for (const o of [...threeNodes(), ...indexer.objects, ...api.objects]) h.fake.add(o);
  for (const p of indexer.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const otherLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${OTHER}/replicasets`);

describe('the rollouts of the namespace the refused documents name', () => {
  it('lists that namespace\'s ReplicaSets once, bounded, and keeps the Deployments that rolled out lately', async () => {
    cluster([4, 3, 2, 1].map(refused).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.senderRollouts?.map((r) => [r.namespace, r.deployment, r.revisions.map((x) => x.revision)])).toEqual([[OTHER, 'order-api', [31, 30]]]);
    expect(otherLists()).toHaveLength(1);
    expect(Number(otherLists()[0]?.query.limit)).toBeLessThanOrEqual(300);
  });

  it('reads nothing of other namespaces when no document is refused', async () => {
    cluster(`${JSON.stringify({ level: 'info', time: at(1), message: 'bulk flush finished', source: `/${OTHER}/order-api` })}\n`);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).senderRollouts).toBeUndefined();
    expect(otherLists()).toEqual([]);
  });
});
