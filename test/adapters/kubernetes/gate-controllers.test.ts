// A pod of the workload keeps a scheduling gate long past what its remover takes: the adapter maps
// spec.schedulingGates, lists the cluster's Deployments (one page) and keeps the one whose template
// names the gate, with its replicas and who last set them. Nothing is listed while no pod is gated.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, ago, container, deploymentApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ml-serving';
const GATE = 'platform.acme.io/capacity-reservation';
const target = { service: 'embeddings-api', namespace: NS, kind: 'Deployment' as const, name: 'embeddings-api' };

function cluster(gated: boolean) {
  const app = deploymentApp({
    namespace: NS, name: 'embeddings-api', replicas: 2,
    revisions: [{ revision: 24, createdAgo: 38, template: { containers: [container({ image: 'example/embeddings-api:0.19.0' })] } }],
    pods: [{ revision: 24, node: 'ip-10-0-1-10.eu-west-1.compute.internal', createdAgo: 3 * DAYS }, { revision: 24, node: null, createdAgo: 37 }],
  });
  const pending = app.pods[1] as k8s.V1Pod;
  if (gated && pending.spec && pending.status) {
    pending.spec.schedulingGates = [{ name: GATE }];
    pending.status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastTransitionTime: ago(37) }];
  }
  const gk = deploymentApp({
    namespace: 'platform-system', name: 'capacity-gatekeeper', replicas: 0,
    revisions: [{ revision: 12, createdAgo: 27 * DAYS, template: { containers: [container({ name: 'manager', image: 'example/capacity-gatekeeper:1.6.2', args: ['--leader-elect', `--gate-name=${GATE}`] })] } }],
    pods: [],
  });
  const deploy = gk.objects.find((o) => o.kind === 'Deployment') as k8s.V1Deployment;
  deploy.metadata = { ...deploy.metadata, managedFields: [{ manager: 'kubectl', operation: 'Update', time: ago(186), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] };
  for (const o of [...threeNodes(), ...app.objects, ...gk.objects]) h.fake.add(o);
}

const clusterDeploymentLists = () => h.fake.requests.filter((r) => /^\/apis\/apps\/v1\/deployments/.test(r.path));

describe('the controller that lifts a scheduling gate', () => {
  it('maps the gate and finds the Deployment whose template names it, scaled to 0, and who scaled it', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pods.find((p) => p.nodeName === undefined)?.schedulingGates).toEqual([GATE]);
    expect(ev.gateControllers).toEqual([expect.objectContaining({ gate: GATE, namespace: 'platform-system', name: 'capacity-gatekeeper', replicas: 0, namesGate: true })]);
    expect(ev.gateControllers?.[0]?.replicasOwners[0]?.manager).toBe('kubectl');
    expect(clusterDeploymentLists()).toHaveLength(1);
  });

  it('lists nothing of the cluster while no pod is gated', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.gateControllers).toBeUndefined();
    expect(clusterDeploymentLists()).toEqual([]);
  });
});
