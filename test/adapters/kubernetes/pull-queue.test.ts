// A pull of the workload's image that has not finished for minutes: the adapter lists that node's
// pods once (field selector), keeps other workloads' pods still in ContainerCreating there and reads
// their events in their own namespace (their "Pulling image" says what the kubelet pulls ahead of
// ours); no slow pull, no read.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, NOW, container, deploymentApp, event, nameOf, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const IMAGE = 'registry.example.com/shop/cart:4.2.1';
const BIG = 'nvcr.io/nvidia/tritonserver:24.08-py3';

function cluster(pullingAgo: number) {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'cart',
    replicas: 3,
    revisions: [{ revision: 5, createdAgo: 20, template: { containers: [container({ image: IMAGE })] } }],
    pods: [
      { revision: 5, node: NODE_B, createdAgo: 20 },
      { revision: 5, node: NODE_C, createdAgo: 19 },
      { revision: 5, node: NODE_A, createdAgo: pullingAgo + 0.2, containers: { app: waiting('ContainerCreating') }, sandbox: true },
    ],
  });
  const ml = deploymentApp({
    namespace: 'ml',
    name: 'ranker',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 8 * DAYS, template: { containers: [container({ name: 'triton', image: BIG })] } }],
    pods: [{ revision: 2, node: NODE_A, createdAgo: 18, containers: { triton: waiting('ContainerCreating') }, sandbox: true }],
  });
  const slow = podOf(app, 2);
  const big = podOf(ml, 0);
  const events = [
    event({ on: slow, type: 'Normal', reason: 'Pulling', message: `Pulling image "${IMAGE}"`, firstAgo: pullingAgo, lastAgo: pullingAgo, fieldPath: 'spec.containers{app}' }),
    event({ on: big, type: 'Normal', reason: 'Pulling', message: `Pulling image "${BIG}"`, firstAgo: 17.8, lastAgo: 17.8, fieldPath: 'spec.containers{triton}' }),
  ];
  return { objects: [...threeNodes(), ...app.objects, ...ml.objects, ...events], big: nameOf(big) };
}

describe('the pulls queued on the node of a slow pull', () => {
  it('lists that node\'s pods once and reads the events of the other workload\'s waiting pod in its namespace', async () => {
    const { objects, big } = cluster(16);
    for (const o of objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.pullQueue?.map((q) => q.node)).toEqual([NODE_A]);
    const [waiting] = ev.pullQueue?.[0]?.waiting ?? [];
    expect(waiting?.namespace).toBe('ml');
    expect(waiting?.pod.name).toBe(big);
    expect(waiting?.events.map((e) => e.message)).toEqual([`Pulling image "${BIG}"`]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/ml/events').map((r) => r.query['fieldSelector'])).toEqual([`involvedObject.kind=Pod,involvedObject.name=${big}`]);
  });

  it('reads nothing when the pull began only minutes ago', async () => {
    for (const o of cluster(2).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pullQueue).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
