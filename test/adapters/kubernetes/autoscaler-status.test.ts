// While a pod waits to be placed, the cluster autoscaler's status ConfigMap (kube-system) is read
// once: it names why no node comes. Nothing is asked while every pod is placed, and a cluster
// without the autoscaler (no such ConfigMap) is no read failure.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, configMap, container, deploymentApp, node } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();

const NS = 'search';
const NODES = ['ip-10-0-12-31.eu-west-1.compute.internal', 'ip-10-0-12-152.eu-west-1.compute.internal'];
const PENDING = '0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';
const STATUS_PATH = '/api/v1/namespaces/kube-system/configmaps/cluster-autoscaler-status';
const STATUS = ['time: 2026-11-21 03:14:05.118 +0000 UTC', 'nodeGroups:', '- name: memory-opt', '  scaleUp:', '    status: Backoff', '    backoffInfo:', '      errorCode: placeholder-cannot-be-fulfilled', "      errorMessage: 'InsufficientInstanceCapacity: no r6i.2xlarge capacity in eu-west-1b'"].join('\n');

function app(pending: boolean) {
  return deploymentApp({
    namespace: NS,
    name: 'search-indexer',
    replicas: pending ? 3 : 2,
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'search-indexer:4.12.0', cpu: '3', memory: '24Gi' })] } }],
    pods: [
      { revision: 4, node: NODES[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 4, node: NODES[1] ?? '', createdAgo: 12 * DAYS },
      ...(pending ? [{ revision: 4, createdAgo: 20, unschedulable: PENDING }] : []),
    ],
  });
}

const target = { service: 'search-indexer', namespace: NS, kind: 'Deployment' as const, name: 'search-indexer' };

describe('the cluster autoscaler\'s status', () => {
  it('is read once while a pod waits to be placed, its status kept', async () => {
    for (const o of [...NODES.map((name) => node({ name })), ...app(true).objects, configMap({ namespace: 'kube-system', name: 'cluster-autoscaler-status', createdAgo: 30 * DAYS, data: { status: STATUS } })]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.autoscalerStatus?.status).toContain('InsufficientInstanceCapacity: no r6i.2xlarge capacity in eu-west-1b');
    expect(ev.autoscalerStatus?.updatedAt).toBe('2026-11-21T03:14:05Z');
    expect(h.fake.requests.filter((r) => r.path === STATUS_PATH)).toHaveLength(1);
  });

  it('is not asked for while every pod is placed', async () => {
    for (const o of [...NODES.map((name) => node({ name })), ...app(false).objects]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.autoscalerStatus).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === STATUS_PATH)).toEqual([]);
  });

  it('records no failure when the cluster has no autoscaler', async () => {
    for (const o of [...NODES.map((name) => node({ name })), ...app(true).objects]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.autoscalerStatus).toBeUndefined();
    expect(ev.readFailures.filter((f) => f.source === 'autoscalerStatus')).toEqual([]);
  });
});
