// A pod placed on a node whose kubelet has not registered its volume's CSI driver: the adapter lists
// that node's pods (the shared per-node list), keeps the DaemonSet pods and reads the previous log
// of the driver's failing node plugin container — one pod, one container.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, crashLoop, daemonSetApp, event, nameOf, statefulSetApp, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const UNREGISTERED = 'MountVolume.MountDevice failed for volume "pvc-2a004f98" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name ebs.csi.aws.com not found in the list of registered CSI drivers';

function cluster(unregistered: boolean) {
  const sts = statefulSetApp({
    namespace: 'logging',
    name: 'ingester',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'ingester', image: 'docker.io/grafana/loki:3.2.1' })] } }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_B, createdAgo: 9 * DAYS }, { revision: 3, ordinal: 1, node: NODE_A, createdAgo: 30, containers: { ingester: waiting('ContainerCreating') } }],
  });
  const csi = daemonSetApp({
    namespace: 'kube-system',
    name: 'ebs-csi-node',
    selector: { app: 'ebs-csi-node' },
    revisions: [{ revision: 4, createdAgo: 26 * DAYS, template: { containers: [container({ name: 'ebs-plugin', image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.37.0', ports: [] }), container({ name: 'node-driver-registrar', image: 'public.ecr.aws/eks-distro/kubernetes-csi/node-driver-registrar:v2.12.0', ports: [] })] } }],
    pods: [
      { revision: 4, node: NODE_A, createdAgo: 37, ready: false, containers: { 'ebs-plugin': crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 5 }, 11) } },
      { revision: 4, node: NODE_B, createdAgo: 26 * DAYS },
    ],
  });
  const stuck = podOf(sts, 1);
  const objects = [...threeNodes(), ...sts.objects, ...csi.objects, ...(unregistered ? [event({ on: stuck, reason: 'FailedMount', message: UNREGISTERED, count: 25, firstAgo: 29, lastAgo: 0.9 })] : [])];
  return { objects, plugin: nameOf(podOf(csi, 0)) };
}

describe('the CSI node plugin of a node whose kubelet lacks the driver', () => {
  it('lists that node\'s pods once and reads the failing plugin container\'s previous log', async () => {
    const { objects, plugin } = cluster(true);
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('kube-system', plugin, 'ebs-plugin', { previous: 'E1121 03:06:41.310       1 main.go:159] "Failed to initialize metadata when it is required" err="IMDS metadata failed; Kubernetes metadata failed"\n' });
    const ev = await h.cluster.collectEvidence({ service: 'ingester', namespace: 'logging', kind: 'StatefulSet', name: 'ingester' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.map((n) => n.node)).toEqual([NODE_A]);
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: plugin, container: 'ebs-plugin', previous: true })]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
    expect(h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/kube-system/pods/') && r.path.endsWith('/log'))).toHaveLength(1);
  });

  it('reads no node\'s pods while every driver is registered', async () => {
    for (const o of cluster(false).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'ingester', namespace: 'logging', kind: 'StatefulSet', name: 'ingester' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents).toBeUndefined();
  });
});
