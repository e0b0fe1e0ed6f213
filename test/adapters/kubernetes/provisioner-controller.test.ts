// A StatefulSet's new claim waits on an external provisioner that never creates its volume: the
// adapter lists kube-system's Deployments and StatefulSets (one page each) and keeps the one that
// runs that provisioner, with who last set its replicas. Nothing of it is read for a bound claim.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, ago, container, deploymentApp, event, pvc, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

// The kit's clock, which dates the claim's events.
const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'streaming';
const target = { service: 'kafka', namespace: NS, kind: 'StatefulSet' as const, name: 'kafka' };
const DRIVER = 'ebs.csi.aws.com';

function cluster(stalled: boolean) {
  const kafka = statefulSetApp({
    namespace: NS, name: 'kafka', replicas: 1, serviceName: 'kafka',
    revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'kafka', image: 'bitnami/kafka:3.8.1', volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: null, createdAgo: 20, unschedulable: 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded' }],
  });
  const claim = pvc({ namespace: NS, name: 'data-kafka-0', storage: '100Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 20 });
  const csi = deploymentApp({
    namespace: 'kube-system', name: 'ebs-csi-controller', replicas: 0,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'ebs-plugin', image: 'example/aws-ebs-csi-driver:v1.37.0' }), container({ name: 'csi-provisioner', image: 'example/csi-provisioner:v5.1.0' })] } }],
    pods: [],
  });
  const deploy = csi.objects.find((o) => o.kind === 'Deployment') as k8s.V1Deployment;
  deploy.metadata = { ...deploy.metadata, managedFields: [{ manager: 'nightly-scaler', operation: 'Update', subresource: 'scale', time: ago(45), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] };
  const waits = event({ on: claim, type: 'Normal', reason: 'ExternalProvisioning', message: `Waiting for a volume to be created either by the external provisioner '${DRIVER}' or manually by the system administrator.`, count: 60, firstAgo: stalled ? 19 : 1, lastAgo: 0.1, component: 'persistentvolume-controller' });
  for (const o of [...threeNodes(), ...kafka.objects, claim, ...csi.objects, waits]) h.fake.add(o);
}

const controllerLists = () => h.fake.requests.filter((r) => /^\/apis\/apps\/v1\/namespaces\/kube-system\/(deployments|statefulsets)/.test(r.path));

describe('the controller of a provisioner a claim waits on', () => {
  it('finds the Deployment that runs it in kube-system, scaled to 0, and who scaled it', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.provisionerController?.driver).toBe(DRIVER);
    expect(ev.provisionerController?.complete).toBe(true);
    expect(ev.provisionerController?.controller).toMatchObject({ kind: 'Deployment', namespace: 'kube-system', name: 'ebs-csi-controller', replicas: 0 });
    expect(ev.provisionerController?.controller?.replicasOwners?.[0]?.manager).toBe('nightly-scaler');
    expect(controllerLists()).toHaveLength(2);
  });

  it('reads nothing of it while the provisioner is within its first minutes', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.provisionerController).toBeUndefined();
    expect(controllerLists()).toEqual([]);
  });
});
