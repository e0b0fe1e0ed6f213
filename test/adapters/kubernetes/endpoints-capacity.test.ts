// A Service selecting a workload past the 1000 addresses one v1 Endpoints object holds: the adapter
// gets that Endpoints object once and keeps whether the controller truncated it and how many
// addresses it lists. A smaller workload's Endpoints are never read.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, service, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'edge';
const target = { service: 'peer-cache', namespace: NS, kind: 'Deployment' as const, name: 'peer-cache' };

function cluster(replicas: number, annotations: Record<string, string>) {
  const app = deploymentApp({
    namespace: NS,
    name: 'peer-cache',
    replicas,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/peer-cache:2.1.0', ports: [7070] })] } }],
    pods: [NODE_A, NODE_B].map((node) => ({ revision: 4, node, createdAgo: 9 * DAYS })),
  });
  // The pods listed stand for all of them: the Deployment's status counts every replica.
  const dep = app.objects[0] as k8s.V1Deployment;
  dep.status = { ...dep.status, replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas };
  const svc = service({ namespace: NS, name: 'peer-cache', selector: { app: 'peer-cache' }, headless: true, ports: [{ name: 'grpc', port: 7070, targetPort: 7070 }] });
  const addresses = Array.from({ length: Math.min(replicas, 1000) }, (_, i) => ({ ip: `10.1.${Math.floor(i / 250)}.${i % 250}` }));
  const endpoints: k8s.V1Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'peer-cache', namespace: NS, annotations },
    subsets: [{ addresses, ports: [{ name: 'grpc', port: 7070, protocol: 'TCP' }] }],
  };
  for (const o of [...threeNodes(), ...app.objects, svc, endpoints]) h.fake.add(o);
}

const endpointsReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/endpoints/peer-cache`);

describe('the v1 Endpoints of a Service past 1000 pods', () => {
  it('gets them once and keeps the over-capacity annotation and the address count', async () => {
    cluster(1300, { 'endpoints.kubernetes.io/over-capacity': 'truncated' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(endpointsReads()).toHaveLength(1);
    expect(ev.endpointsCapacity).toEqual([{ service: 'peer-cache', overCapacity: 'truncated', addresses: 1000, notReadyAddresses: 0 }]);
  });

  it('reads nothing of them for a workload below 1000 pods', async () => {
    cluster(40, {});
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(endpointsReads()).toEqual([]);
    expect(ev.endpointsCapacity).toBeUndefined();
  });
});
