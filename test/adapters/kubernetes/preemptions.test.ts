// Pods preempted for a higher-priority pod are gone: the adapter finds their Preempted events by
// reason, keeps the ones of the workload's own pod names, and finds the preemptor among the pods
// of the node each event names.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { isOwnPodName } from '../../../src/adapters/kubernetes/read-preemptions.js';
import { DAYS, batchContainer, container, deploymentApp, event, job, node, rsOf } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();

const NS = 'search';
const NODES = ['ip-10-0-234-31.eu-west-1.compute.internal', 'ip-10-0-234-152.eu-west-1.compute.internal', 'ip-10-0-234-77.eu-west-1.compute.internal'];
const PENDING = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

/** search-api lost two pods to a training Job of namespace ml; a neighbour, search-api-canary, lost one too. */
function cluster() {
  const nodes = NODES.map((name, i) => node({ name, zone: `eu-west-1${'abc'[i] ?? 'a'}` }));
  const app = deploymentApp({
    namespace: NS,
    name: 'search-api',
    replicas: 4,
    revisions: [{ revision: 31, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'search-api:11.2.0', cpu: '1', memory: '2Gi' })] } }],
    pods: [
      { revision: 31, node: NODES[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 31, node: NODES[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 31, createdAgo: 21.9, unschedulable: PENDING },
      { revision: 31, createdAgo: 21.8, unschedulable: PENDING },
    ],
  });
  const training = job({
    namespace: 'ml',
    name: 'bert-finetune-v7',
    createdAgo: 23,
    parallelism: 2,
    completions: 2,
    template: { containers: [batchContainer({ name: 'trainer', image: 'bert-trainer:2.3.0', cpu: '3', memory: '8Gi' })], priorityClassName: 'ml-training-high' },
    pods: [0, 1].map((k) => ({ node: NODES[k] ?? '', createdAgo: 22.5 })),
  });
  for (const p of training.pods) if (p.spec !== undefined) p.spec.priority = 1000000;
  const rs = rsOf(app, 31);
  const preempted = (victim: string, k: number) =>
    event({ on: { kind: 'Pod', name: victim, namespace: NS }, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${training.pods[k]?.metadata?.uid ?? ''} on node ${NODES[k] ?? ''}`, firstAgo: 22.9, lastAgo: 22.9, component: 'default-scheduler' });
  const victims = [`${rs}-x7kqp`, `${rs}-m2v9d`];
  return { victims, objects: [...nodes, ...app.objects, ...training.objects, ...victims.map(preempted), preempted('search-api-canary-6c8d7f5b9a-q2w3e', 0)] };
}

describe('pods preempted for a higher-priority pod', () => {
  it('reads the Preempted events of the workload\'s former pods and the preemptors on the nodes they name', async () => {
    const { victims, objects } = cluster();
    for (const o of objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'search-api', namespace: NS, kind: 'Deployment', name: 'search-api' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    const preempted = ev.events.filter((e) => e.reason === 'Preempted');
    expect(preempted.map((e) => e.object.name).sort()).toEqual([...victims].sort());
    expect(ev.preemptors).toHaveLength(2);
    expect(ev.preemptors?.[0]).toMatchObject({ namespace: 'ml', owner: 'Job bert-finetune-v7', priorityClassName: 'ml-training-high', priority: 1000000, requests: { cpu: '3', memory: '8Gi' } });
    expect(ev.preemptors?.map((p) => p.node).sort()).toEqual([NODES[0], NODES[1]].sort());
    const byReason = h.fake.requests.filter((r) => r.query['fieldSelector'] === 'reason=Preempted');
    expect(byReason).toHaveLength(1);
    const nodeLists = h.fake.requests.filter((r) => r.path === '/api/v1/pods');
    expect(nodeLists.map((r) => r.query['fieldSelector']).sort()).toEqual([`spec.nodeName=${NODES[0] ?? ''}`, `spec.nodeName=${NODES[1] ?? ''}`].sort());
  });

  it('asks nothing about preemption while every pod is placed', async () => {
    const healthy = deploymentApp({
      namespace: NS,
      name: 'search-api',
      replicas: 2,
      revisions: [{ revision: 31, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'search-api:11.2.0' })] } }],
      pods: [{ revision: 31, node: NODES[0] ?? '', createdAgo: 12 * DAYS }, { revision: 31, node: NODES[1] ?? '', createdAgo: 12 * DAYS }],
    });
    for (const o of healthy.objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'search-api', namespace: NS, kind: 'Deployment', name: 'search-api' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.preemptors).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.query['fieldSelector'] === 'reason=Preempted')).toEqual([]);
  });
});

describe('isOwnPodName', () => {
  it('tells the workload\'s pod names from a neighbour\'s that share its prefix', () => {
    expect(isOwnPodName('Deployment', 'api', ['api-7c9d8f6b5d'], 'api-7c9d8f6b5d-x2kqj')).toBe(true);
    expect(isOwnPodName('Deployment', 'api', ['api-7c9d8f6b5d'], 'api-gateway-6b8c7d5f9a-x2kqj')).toBe(false);
    expect(isOwnPodName('Deployment', 'api', [], 'api-7c9d8f6b5d-x2kqj')).toBe(true);
    expect(isOwnPodName('StatefulSet', 'ledger-db', [], 'ledger-db-2')).toBe(true);
    expect(isOwnPodName('StatefulSet', 'ledger-db', [], 'ledger-db-backup-2')).toBe(false);
    expect(isOwnPodName('DaemonSet', 'node-agent', [], 'node-agent-x2kqj')).toBe(true);
    expect(isOwnPodName('Job', 'train', [], 'train-3-x2kqj')).toBe(true);
    expect(isOwnPodName('CronJob', 'report', ['report-29389152'], 'report-29389152-x2kqj')).toBe(true);
    expect(isOwnPodName('CronJob', 'report', ['report-29389152'], 'report-29389140-x2kqj')).toBe(false);
  });
});
