// A template naming a PriorityClass that does not exist: the adapter reads which classes the
// namespace's pods run with (one list), and only when admission refused a class name.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, container, deploymentApp, event, rsOf } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ml';
const NODE = 'ip-10-0-199-31.eu-west-1.compute.internal';

function ranker() {
  const app = deploymentApp({
    namespace: NS,
    name: 'online-ranker',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'online-ranker:1.12.0' })], priorityClassName: 'business-critical' } }],
    pods: [{ revision: 9, node: NODE, createdAgo: 12 * DAYS }],
  });
  return app.objects;
}

function featureStore(priority: string) {
  return deploymentApp({
    namespace: NS,
    name: 'feature-store',
    replicas: 1,
    revisions: [
      { revision: 18, createdAgo: 7 * DAYS, template: { containers: [container({ image: 'feature-store:2.6.4' })] } },
      { revision: 19, createdAgo: 33, template: { containers: [container({ image: 'feature-store:2.7.0' })], priorityClassName: priority } },
    ],
    pods: [{ revision: 18, node: NODE, createdAgo: 7 * DAYS }],
  });
}

const target = { service: 'feature-store', namespace: NS, kind: 'Deployment' as const, name: 'feature-store' };
const namespacePodLists = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods` && r.query['labelSelector'] === undefined);

describe('PriorityClasses in use', () => {
  it('lists the classes the namespace\'s pods run with, and who uses them, when admission refused a class name', async () => {
    const app = featureStore('bussiness-critical');
    const refused = event({ on: { kind: 'ReplicaSet', name: rsOf(app, 19), namespace: NS }, reason: 'FailedCreate', message: `Error creating: pods "${rsOf(app, 19)}-" is forbidden: no PriorityClass with name bussiness-critical was found`, count: 19, firstAgo: 33, lastAgo: 1, component: 'replicaset-controller' });
    for (const o of [...app.objects, ...ranker(), refused]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.priorityClassesInUse).toEqual([{ name: 'business-critical', usedBy: ['Deployment online-ranker'] }]);
    expect(namespacePodLists()).toHaveLength(1);
  });

  it('names a bare ReplicaSet\'s pods by the ReplicaSet, not by a Deployment guessed from its name', async () => {
    const app = featureStore('bussiness-critical');
    const refused = event({ on: { kind: 'ReplicaSet', name: rsOf(app, 19), namespace: NS }, reason: 'FailedCreate', message: `Error creating: pods "${rsOf(app, 19)}-" is forbidden: no PriorityClass with name bussiness-critical was found`, count: 4, firstAgo: 33, lastAgo: 1, component: 'replicaset-controller' });
    // A ReplicaSet created by hand: its pods carry no pod-template-hash, and "warmer" is not a hash.
    const [warmer] = ranker().filter((o) => o.kind === 'Pod').map((o) => JSON.parse(JSON.stringify(o)) as k8s.V1Pod);
    if (warmer?.metadata === undefined) throw new Error('ranker() built no pod');
    delete warmer.metadata.labels?.['pod-template-hash'];
    warmer.metadata.name = 'cache-warmer-x7k2p';
    warmer.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'cache-warmer', uid: 'f3d1c2a4-0b6e-4c1d-9a57-2f8e6b3c7d10', controller: true, blockOwnerDeletion: true }];
    for (const o of [...app.objects, warmer, refused]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.priorityClassesInUse).toEqual([{ name: 'business-critical', usedBy: ['ReplicaSet cache-warmer'] }]);
  });

  it('asks nothing about PriorityClasses when no pod was refused for one', async () => {
    for (const o of [...featureStore('business-critical').objects, ...ranker()]) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.priorityClassesInUse).toBeUndefined();
    expect(namespacePodLists()).toEqual([]);
  });
});
