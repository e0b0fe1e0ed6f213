// A namespace being deleted: the Namespace the triage already reads says when (deletionTimestamp)
// and what holds the deletion (the namespace controller's True conditions); no extra request.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, ago, container, deploymentApp, namespace, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const target = { service: 'rewards-api', namespace: 'rewards', kind: 'Deployment', name: 'rewards-api' } as const;

function cluster(deleting: boolean) {
  const ns = namespace({ name: 'rewards', createdAgo: 200 * DAYS });
  if (deleting) {
    ns.metadata = { ...ns.metadata, deletionTimestamp: ago(12) };
    ns.status = {
      phase: 'Terminating',
      conditions: [
        { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered', lastTransitionTime: ago(12) },
        { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.io/cleanup in 1 resource instances', lastTransitionTime: ago(12) },
      ],
    };
  }
  const app = deploymentApp({
    namespace: 'rewards',
    name: 'rewards-api',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/rewards/api:1.4.0' })] } }],
    pods: [],
  });
  return [...threeNodes(), ns, ...app.objects];
}

describe('the Namespace being deleted', () => {
  it('is mapped with its deletion time and the conditions that hold it, and the delete counts as its last change', async () => {
    for (const o of cluster(true)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const ns = ev.namespaceObjects?.find((o) => o.kind === 'Namespace');
    expect(ns?.deletion?.phase).toBe('Terminating');
    expect(Date.parse(ns?.deletion?.deletedAt ?? '')).toBe(ago(12).getTime());
    expect(ns?.changedAt).toBe(ns?.deletion?.deletedAt);
    expect(ns?.deletion?.conditions.map((c) => c.type)).toEqual(['NamespaceFinalizersRemaining']);
  });

  it('leaves a live namespace without a deletion', async () => {
    for (const o of cluster(false)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceObjects?.find((o) => o.kind === 'Namespace')?.deletion).toBeUndefined();
  });
});
