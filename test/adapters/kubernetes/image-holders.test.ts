// A pod whose RBD image is refused as still in use: one list of the cluster's nodes, keeping only
// the NotReady ones (the likely holder of the image's watcher). No list while no mount event says so.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, NODE_A, NODE_B, NODE_C, container, event, node, statefulSetApp, waiting } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const STILL_USED = 'MountVolume.MountDevice failed for volume "pvc-77aa" : rpc error: code = Internal desc = rbd image pool-a/csi-vol-77aa is still being used';

function cluster(message: string) {
  const sts = statefulSetApp({
    namespace: 'billing',
    name: 'store',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'store', image: 'docker.io/library/postgres:16.4' })] } }],
    pods: [{ revision: 2, ordinal: 0, node: NODE_B, createdAgo: 30, phase: 'Pending', containers: { store: waiting('ContainerCreating') } }],
  });
  const nodes = [node({ name: NODE_A, ready: 'Unknown', readySince: 40 }), node({ name: NODE_B }), node({ name: NODE_C })];
  return [...nodes, ...sts.objects, event({ on: podOf(sts, 0), reason: 'FailedMount', message, count: 12, firstAgo: 28, lastAgo: 1 })];
}

const nodeLists = () => h.fake.requests.filter((r) => r.path === '/api/v1/nodes');

describe('the NotReady nodes, for an RBD image still in use', () => {
  it('lists the nodes once and keeps only the NotReady one', async () => {
    for (const o of cluster(STILL_USED)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'store', namespace: 'billing', kind: 'StatefulSet', name: 'store' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(nodeLists()).toHaveLength(1);
    expect(ev.imageHolderNodes?.map((n) => n.name)).toEqual([NODE_A]);
  });

  it('lists no nodes for another mount failure', async () => {
    for (const o of cluster('MountVolume.SetUp failed for volume "config" : configmap "store-config" not found')) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'store', namespace: 'billing', kind: 'StatefulSet', name: 'store' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(nodeLists()).toHaveLength(0);
    expect(ev.imageHolderNodes).toBeUndefined();
  });
});
