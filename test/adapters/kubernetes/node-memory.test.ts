// A container killed in a system OOM of its node: the adapter lists that node's pods (all
// namespaces, by field selector) for what they request and may use; a kill at the container's own
// limit (no SystemOOM at that time) reads no node's pods.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nodeEvent, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();

/** cart's pod on NODE_A was OOMKilled 3 minutes ago; a batch pod of another namespace shares the node. */
function cluster(systemOomAgo: number) {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:4.2.0', memory: '1Gi', memoryLimit: '2Gi' })] } }],
    pods: [
      { revision: 4, node: NODE_A, createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 2.9, ready: false, restarts: 2, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3, ranSeconds: 600 } }) } },
      { revision: 4, node: NODE_B, createdAgo: 3 * DAYS },
    ],
  });
  const batch = deploymentApp({
    namespace: 'analytics',
    name: 'backfill',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 40, template: { containers: [container({ name: 'worker', image: 'registry.example.com/analytics/backfill:1.0.0', ports: [], memory: '512Mi', memoryLimit: '8Gi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 1, node: NODE_A, createdAgo: 40 }],
  });
  const oom = nodeEvent(NODE_A, 'SystemOOM', 'System OOM encountered, victim process: java, pid: 41234', { type: 'Warning', firstAgo: systemOomAgo });
  return [...threeNodes(), ...app.objects, ...batch.objects, oom];
}

describe('the pods of a node whose system OOM killed the workload\'s container', () => {
  it('lists that node\'s pods once, with their owners and memory requests and limits', async () => {
    for (const o of cluster(3)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeMemory?.map((n) => n.node)).toEqual([NODE_A]);
    const backfill = ev.nodeMemory?.[0]?.pods.find((p) => p.namespace === 'analytics');
    expect(backfill?.owner).toMatch(/^ReplicaSet backfill-/);
    expect(backfill?.pod.containers[0]?.resources).toEqual({ requests: expect.objectContaining({ memory: '512Mi' }), limits: expect.objectContaining({ memory: '8Gi' }) });
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node\'s pods when the node\'s system OOM was not at the time of the kill (the limit killed it)', async () => {
    for (const o of cluster(90)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeMemory).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
