// A pod refused for its required pod affinity: the adapter lists the pods the term selects (the
// API server filters) and, only when there are none, the namespace's pods whose labels come close,
// with a get of their controller.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { HOLDOUT_30_SCENARIOS } from '../../triage-corpus/heldout-30/stories.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'search';
const target = { service: 'autocomplete-api', namespace: NS, kind: 'Deployment' as const, name: 'autocomplete-api' };

function story() {
  const s = HOLDOUT_30_SCENARIOS.find((x) => x.id === 'heldout30-pod-affinity-label-relabelled');
  if (s === undefined) throw new Error('the relabelled-cache story is missing');
  return s.objects.map((o) => JSON.parse(JSON.stringify(o)) as k8s.KubernetesObject);
}

const podLists = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods`);

describe('the pods a required pod affinity selects', () => {
  it('finds none carrying app=suggest-cache and names the StatefulSet whose pods carry it under app.kubernetes.io/name', async () => {
    for (const o of story()) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    const [term] = ev.affinityPeers ?? [];
    expect(term?.matching).toEqual([]);
    expect(term?.namespaces).toEqual([NS]);
    expect(term?.near?.map((p) => p.name)).toEqual(['suggest-cache-0', 'suggest-cache-1', 'suggest-cache-2']);
    expect(term?.near?.[0]?.nearLabels[0]).toBe('app.kubernetes.io/name=suggest-cache');
    expect(term?.near?.[0]?.owner).toMatchObject({ kind: 'StatefulSet', name: 'suggest-cache', chart: 'redis-20.3.0' });
    expect(podLists().map((r) => r.query['labelSelector'])).toEqual(expect.arrayContaining(['app=suggest-cache', undefined]));
    expect(h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/statefulsets/suggest-cache`)).toHaveLength(1);
  });

  it('lists nothing more when a placed pod carries the label', async () => {
    const objects = story();
    const cache = objects.find((o) => o.kind === 'Pod' && o.metadata?.name === 'suggest-cache-0') as k8s.V1Pod;
    cache.metadata = { ...cache.metadata, labels: { ...cache.metadata?.labels, app: 'suggest-cache' } };
    for (const o of objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.affinityPeers?.[0]?.matching).toEqual([{ name: 'suggest-cache-0', namespace: NS, node: cache.spec?.nodeName }]);
    expect(ev.affinityPeers?.[0]?.near).toBeUndefined();
    expect(podLists().filter((r) => r.query['labelSelector'] === undefined)).toEqual([]);
  });

  it('reads nothing for a pod that is not refused for pod affinity', async () => {
    const objects = story().filter((o) => !(o.kind === 'Event' && (o as k8s.CoreV1Event).reason === 'FailedScheduling'));
    for (const o of objects) {
      if (o.kind === 'Pod') {
        const p = o as k8s.V1Pod;
        for (const c of p.status?.conditions ?? []) if (c.type === 'PodScheduled' && c.status === 'False') c.message = '0/3 nodes are available: 3 Insufficient cpu.';
      }
      h.fake.add(o);
    }
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.affinityPeers).toBeUndefined();
    expect(podLists().filter((r) => r.query['labelSelector'] === 'app=suggest-cache')).toEqual([]);
  });
});
