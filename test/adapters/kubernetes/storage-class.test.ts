// A pending pod whose unbound claim gets no volume on the nodes it may use: the adapter reads the
// claim's StorageClass (one cluster-scoped get), and only then.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { container, deploymentApp, failedScheduling, pvc } from '../../triage-corpus/kit/index.js';
import { podOf, threeEksNodes } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'maps';
const NO_VOLUME = "0/3 nodes are available: 1 node(s) didn't find available persistent volumes to bind, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const ZONE = 'topology.kubernetes.io/zone';

const zonalAb: k8s.V1StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3-zonal-ab', uid: '5b0c8e1a-7d2f-4a3e-9c61-0f4d2b7a8e35', creationTimestamp: new Date('2026-01-12T09:00:00Z') },
  provisioner: 'ebs.csi.aws.com',
  parameters: { type: 'gp3' },
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
  allowedTopologies: [{ matchLabelExpressions: [{ key: ZONE, values: ['eu-west-1a', 'eu-west-1b'] }] }],
};

function pinnedCache(message: string) {
  const { nodes } = threeEksNodes('10.0.33');
  const app = deploymentApp({
    namespace: NS,
    name: 'tile-cache',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 34, template: { containers: [container({ image: 'tile-cache:1.0.0' })], volumes: [{ name: 'tiles', persistentVolumeClaim: { claimName: 'tile-cache-data' } }], nodeSelector: { [ZONE]: 'eu-west-1c' } } }],
    pods: [{ revision: 1, unschedulable: message, createdAgo: 34 }],
  });
  const claim = pvc({ namespace: NS, name: 'tile-cache-data', storage: '200Gi', storageClass: 'gp3-zonal-ab', phase: 'Pending', createdAgo: 34 });
  return [...nodes, ...app.objects, claim, zonalAb, failedScheduling(podOf(app, 0), message, { count: 21, firstAgo: 34, lastAgo: 1.5 })];
}

const target = { service: 'tile-cache', namespace: NS, kind: 'Deployment' as const, name: 'tile-cache' };
const classGets = () => h.fake.requests.filter((r) => r.path.startsWith('/apis/storage.k8s.io/v1/storageclasses'));

describe('the StorageClass of a claim no node may bind', () => {
  it('reads the claim\'s class, with its binding mode and the zones its allowedTopologies admit', async () => {
    for (const o of pinnedCache(NO_VOLUME)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.storageClasses).toEqual([{ name: 'gp3-zonal-ab', provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer', allowedZones: ['eu-west-1a', 'eu-west-1b'], allowVolumeExpansion: true }]);
    expect(classGets().map((r) => r.path)).toEqual(['/apis/storage.k8s.io/v1/storageclasses/gp3-zonal-ab']);
  });

  it('asks nothing about StorageClasses when the scheduler refuses the pod for something else', async () => {
    for (const o of pinnedCache("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.storageClasses).toBeUndefined();
    expect(classGets()).toEqual([]);
  });
});
