// A pod of the workload waits for a ReadWriteOncePod claim that none of its own pods mounts: the
// adapter lists the namespace's pods once and keeps the running pod of another workload that
// mounts the claim, with its owner. A claim the workload's own pod holds needs no list.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_B, container, deploymentApp, nameOf, pvc, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'exporter', namespace: NS, kind: 'Deployment' as const, name: 'exporter' };
const volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'ledger-data' } }];
const mounts = [{ name: 'data', mountPath: '/data' }];
const RWOP = '0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode.';

function cluster(holderMounts: boolean) {
  const exporter = deploymentApp({
    namespace: NS, name: 'exporter', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 60, template: { containers: [container({ image: 'registry.example.com/exporter:1.0.0', ports: [8080], volumeMounts: mounts })], volumes } }],
    pods: [{ revision: 1, node: null, createdAgo: 30, unschedulable: RWOP }],
  });
  const api = deploymentApp({
    namespace: NS, name: 'ledger-api', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger-api:3.2.0', ports: [8080], ...(holderMounts ? { volumeMounts: mounts } : {}) })], ...(holderMounts ? { volumes } : {}) } }],
    pods: [{ revision: 4, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const claim = pvc({ namespace: NS, name: 'ledger-data', storage: '10Gi', phase: 'Bound', volumeName: 'pvc-0d1e2f3a', accessModes: ['ReadWriteOncePod'], createdAgo: 30 * DAYS });
  for (const o of [...threeNodes(), ...exporter.objects, ...api.objects, claim]) h.fake.add(o);
  return { holder: api.pods[0] };
}

describe('who holds a ReadWriteOncePod claim the workload waits for', () => {
  it('names the running pod of another workload that mounts the claim, and its owner', async () => {
    const { holder } = cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.claimHolders).toEqual([{ claim: 'ledger-data', pod: nameOf(holder), node: NODE_B, owner: { kind: 'Deployment', name: 'ledger-api' } }]);
  });

  it('keeps none when no other pod mounts it', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.claimHolders).toBeUndefined();
  });
});
