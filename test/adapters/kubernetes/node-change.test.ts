// Pods that fail on one node only, which reports no bad condition: the adapter lists that node's
// pods once (field selector), keeps those of other workloads started shortly before the failures
// (a DaemonSet's new pod first) and reads the current log tail of that one pod; failures on more
// than one node read no node's pods.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, daemonSetApp, deploymentApp, event, nameOf, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const ERROR = 'Error: context deadline exceeded';

function cluster(failingNodes: string[]) {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'cart',
    replicas: 4,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:4.2.0' })] } }],
    pods: [
      { revision: 4, node: NODE_B, createdAgo: 3 * DAYS },
      { revision: 4, node: NODE_C, createdAgo: 3 * DAYS },
      ...failingNodes.map((node) => ({ revision: 4, node, createdAgo: 27, containers: { app: waiting('CreateContainerError', ERROR) } })),
    ],
  });
  const agent = daemonSetApp({
    namespace: 'ops',
    name: 'disk-agent',
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'agent', image: 'ghcr.io/acme/disk-agent:0.9.3', ports: [] })] } },
      { revision: 7, createdAgo: 41, template: { containers: [container({ name: 'agent', image: 'ghcr.io/acme/disk-agent:0.10.0', ports: [] })] } },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((node) => ({ revision: 7, node, createdAgo: 40 })),
  });
  const failing = app.pods.slice(2);
  const events = failing.map((p) => event({ on: p, reason: 'Failed', message: ERROR, count: 6, firstAgo: 25, lastAgo: 1, fieldPath: 'spec.containers{app}' }));
  return { objects: [...threeNodes(), ...app.objects, ...agent.objects, ...events], agent: nameOf(podOf(agent, 0)) };
}

describe('what started on the one node the workload\'s pods fail on', () => {
  it('lists that node\'s pods once and reads the log of the DaemonSet pod that started there before the failures', async () => {
    const { objects, agent } = cluster([NODE_A, NODE_A]);
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('ops', agent, 'agent', { current: 'level=warn msg="run exceeds expected duration" elapsed=31m\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeChange?.node).toBe(NODE_A);
    expect(ev.nodeChange?.newcomers.map((n) => `${n.namespace}/${n.pod.name} ${n.owner ?? ''}`)).toEqual([`ops/${agent} DaemonSet disk-agent`]);
    expect(ev.nodeChange?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'agent', previous: false, lines: ['level=warn msg="run exceeds expected duration" elapsed=31m'] })]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
    expect(h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/ops/pods/')).map((r) => r.path)).toEqual([`/api/v1/namespaces/ops/pods/${agent}/log`]);
  });

  it('reads no node\'s pods when the pods fail on two nodes', async () => {
    for (const o of cluster([NODE_A, NODE_B]).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeChange).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
