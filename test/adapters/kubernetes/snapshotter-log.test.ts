// A StatefulSet's new claim restores from a VolumeSnapshot the provisioner says is not ready: the
// adapter maps the claim's dataSourceRef and, once the driver's controller is found, reads the log
// tail of its csi-snapshotter sidecar (one list of its pods, at most two tails). Nothing of it is
// read for a claim with no snapshot source; a log that cannot be read is named, not guessed.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, container, deploymentApp, event, nameOf, pvc, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ledger';
const target = { service: 'ledger-db', namespace: NS, kind: 'StatefulSet' as const, name: 'ledger-db' };
const DRIVER = 'ebs.csi.aws.com';
const SNAPSHOT = 'seed';
const REFUSAL = 'E1121 03:11:00.000000       1 snapshot_controller.go:124] createSnapshot for content [snapcontent-1f2e]: error occurred in createSnapshotWrapper: failed to take snapshot of the volume vol-0abc: "rpc error: code = Internal desc = Could not create snapshot: operation error EC2: CreateSnapshot, https response error StatusCode: 400, api error SnapshotLimitExceeded: The maximum number of snapshots has been reached."';

function cluster(fromSnapshot: boolean): string {
  const nodes = threeNodes();
  const db = statefulSetApp({
    namespace: NS, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db',
    revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'postgres', image: 'postgres:16.4', volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: null, createdAgo: 20, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.' }],
  });
  const claim = pvc({ namespace: NS, name: 'data-ledger-db-0', storage: '100Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 20 });
  const source = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: SNAPSHOT };
  if (fromSnapshot && claim.spec) claim.spec = { ...claim.spec, dataSourceRef: source, dataSource: source };
  const csi = deploymentApp({
    namespace: 'kube-system', name: 'ebs-csi-controller', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'ebs-plugin', image: 'example/aws-ebs-csi-driver:v1.37.0' }), container({ name: 'csi-provisioner', image: 'example/csi-provisioner:v5.1.0' }), container({ name: 'csi-snapshotter', image: 'example/csi-snapshotter:v8.1.0' })] } }],
    pods: [{ revision: 3, node: nameOf(nodes[2]), createdAgo: 30 * DAYS }],
  });
  const failed = fromSnapshot
    ? `failed to provision volume with StorageClass "gp3": error getting handle for DataSource Type VolumeSnapshot by Name ${SNAPSHOT}: snapshot ${SNAPSHOT} is not Ready`
    : 'failed to provision volume with StorageClass "gp3": rpc error: code = DeadlineExceeded desc = context deadline exceeded';
  const events = [
    event({ on: claim, type: 'Normal', reason: 'ExternalProvisioning', message: `Waiting for a volume to be created either by the external provisioner '${DRIVER}' or manually by the system administrator.`, count: 60, firstAgo: 19, lastAgo: 0.1, component: 'persistentvolume-controller' }),
    event({ on: claim, reason: 'ProvisioningFailed', message: failed, count: 9, firstAgo: 19, lastAgo: 1, component: `${DRIVER}_ebs-csi-controller_5c0e` }),
  ];
  for (const o of [...nodes, ...db.objects, claim, ...csi.objects, ...events]) h.fake.add(o as k8s.KubernetesObject);
  const pod = nameOf(csi.pods[0]);
  h.fake.setLogs('kube-system', pod, 'csi-snapshotter', { current: `I1121 03:00:00.000000       1 leaderelection.go:258] successfully acquired lease\n${REFUSAL}\n` });
  return pod;
}

const snapshotterLogReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/kube-system/pods/') && r.path.endsWith('/log'));

describe("the snapshotter's log, for a claim restored from a snapshot that is not ready", () => {
  it("maps the claim's snapshot source and reads the driver controller's csi-snapshotter tail", async () => {
    const pod = cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pvcs[0]?.dataSource).toEqual({ kind: 'VolumeSnapshot', name: SNAPSHOT, apiGroup: 'snapshot.storage.k8s.io' });
    expect(ev.snapshotterLog).toMatchObject({ controller: 'Deployment kube-system/ebs-csi-controller', namespace: 'kube-system', snapshot: SNAPSHOT });
    expect(ev.snapshotterLog?.logs).toEqual([{ pod, container: 'csi-snapshotter', previous: false, lines: [expect.stringContaining('acquired lease'), REFUSAL] }]);
    expect(snapshotterLogReads()).toHaveLength(1);
  });

  it('reads nothing of it for a claim with no snapshot source', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pvcs[0]?.dataSource).toBeUndefined();
    expect(ev.snapshotterLog).toBeUndefined();
    expect(snapshotterLogReads()).toEqual([]);
  });

  it('names the log as unread when it is forbidden, and claims nothing from it', async () => {
    cluster(true);
    h.fake.forbid({ namespace: 'kube-system', resource: 'pods/log' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.snapshotterLog).toBeUndefined();
    expect(ev.readFailures.some((f) => f.reason === 'forbidden' && f.what.includes('csi-snapshotter'))).toBe(true);
  });
});
