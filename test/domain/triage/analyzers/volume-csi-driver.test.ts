import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { NodeAgentsEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { isCsiNodePlugin, pickUnregisteredDrivers } from '../../../../src/domain/triage/csi-registration.js';
import { NODE_A, NS, baseEvidence, container, crashLooping, event, minutesAgo, pod, terminated } from '../scenarios/builders.js';

const VOLUME = 'pvc-2a004f98-bf1f-45d0-ad39-7a5d32635241';
const UNREGISTERED = `MountVolume.MountDevice failed for volume "${VOLUME}" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name ebs.csi.aws.com not found in the list of registered CSI drivers`;
const PLUGIN = 'ebs-csi-node-kdztl';

/** Four pods run elsewhere; the fifth was placed on NODE_A, its volume attached, and it never mounts. */
function unregistered(): TriageEvidence {
  const stuck = pod(4, { nodeName: NODE_A, phase: 'Pending', ready: false, createdAt: minutesAgo(34), containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })], volumes: [{ name: 'data', source: 'pvc', ref: 'data-app-4' }] });
  const others = [0, 1, 2, 3].map((i) => pod(i, { nodeName: `ip-10-0-92-${31 + i}.eu-west-1.compute.internal` }));
  return baseEvidence({
    pods: [...others, stuck],
    events: [
      event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: UNREGISTERED, count: 25, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) }),
      event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 15, firstSeen: minutesAgo(32), lastSeen: minutesAgo(2) }),
    ],
  });
}

function csiAgents(): NodeAgentsEvidence {
  const plugin = pod(9, {
    name: PLUGIN,
    nodeName: NODE_A,
    ready: false,
    createdAt: minutesAgo(37),
    containers: [
      crashLooping(PLUGIN, terminated(1, 'Error', 2), 11, { name: 'ebs-plugin', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.37.0' }),
      container({ name: 'node-driver-registrar', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/csi-node-driver-registrar:v2.12.0' }),
    ],
  });
  const other = pod(8, { name: 'aws-node-x2k9q', nodeName: NODE_A, containers: [container({ name: 'aws-node', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0' })] });
  return {
    node: NODE_A,
    agents: [{ namespace: 'kube-system', owner: 'DaemonSet aws-node', pod: other }, { namespace: 'kube-system', owner: 'DaemonSet ebs-csi-node', pod: plugin }],
    logs: [{ pod: PLUGIN, container: 'ebs-plugin', previous: true, lines: [
      'I1121 03:06:36.301       1 main.go:154] "Initializing metadata"',
      'E1121 03:06:41.812       1 metadata.go:72] "Retrieving IMDS metadata failed" err="could not get IMDS metadata: operation error ec2imds: GetInstanceIdentityDocument, canceled, context deadline exceeded"',
      'E1121 03:06:41.310       1 main.go:159] "Failed to initialize metadata when it is required" err="IMDS metadata failed; Kubernetes metadata failed"',
    ] }],
  };
}

describe('a CSI driver not registered on the node a pod waits on', () => {
  it('picks the node and the driver, and tells the driver\'s node plugin from the other agents', () => {
    const ev = unregistered();
    expect(pickUnregisteredDrivers(ev.events, ev.pods)).toEqual([{ node: NODE_A, driver: 'ebs.csi.aws.com' }]);
    const ids = (a: NodeAgentsEvidence['agents'][number]) => ({ name: a.pod.name, ...(a.owner ? { owner: a.owner } : {}), images: a.pod.containers.map((c) => c.image) });
    expect(csiAgents().agents.map((a) => isCsiNodePlugin(ids(a), 'ebs.csi.aws.com'))).toEqual([false, true]);
    expect(isCsiNodePlugin({ name: 'csi-rbdplugin-6x2lq', owner: 'DaemonSet csi-rbdplugin', images: ['quay.io/cephcsi/cephcsi:v3.12.0'] }, 'rook-ceph.rbd.csi.ceph.com')).toBe(true);
    expect(isCsiNodePlugin({ name: 'efs-csi-node-7d2kq', owner: 'DaemonSet efs-csi-node', images: ['amazon/aws-efs-csi-driver:v2.1.0'] }, 'ebs.csi.aws.com')).toBe(false);
  });

  it('names the node and its crash-looping node plugin with why it fails, and advises cordoning the node', () => {
    const ev = { ...unregistered(), nodeAgents: [csiAgents()] };
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe(`Volume ${VOLUME} blocks 1 pod: CSI driver ebs.csi.aws.com is not registered on node ${NODE_A}: its node plugin there, kube-system/${PLUGIN}, is crash-looping (exit 1, 11 restarts)`);
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toMatch(/IMDS metadata failed/);
    expect(f?.evidence).toContain(`node plugin kube-system/${PLUGIN} (DaemonSet ebs-csi-node) on ${NODE_A}: crash-looping (exit 1, 11 restarts), created 37m ago`);
    expect(f?.likelyCause).toMatch(/instance metadata/);
    expect(f?.likelyCause).toMatch(/4 pods of the workload on other nodes are ready/);
    expect(f?.nextAction).toMatch(new RegExp(`^Mitigate: cordon ${NODE_A} and delete the stuck pod`));
    expect(f?.nextAction).toMatch(new RegExp(`get kube-system/${PLUGIN} running`));
    expect(f?.affected?.nodes).toEqual([NODE_A]);
  });

  it('still names the node and the driver when the node\'s agents were not read, at lower confidence', () => {
    const [f] = analyzeVolumeAttach(unregistered());
    expect(f?.title).toBe(`Volume ${VOLUME} blocks 1 pod: CSI driver ebs.csi.aws.com is not registered on node ${NODE_A}`);
    expect(f?.confidence).toBe('medium');
    expect(f?.nextAction).toMatch(/cordon/);
    expect(f?.nextAction).toMatch(/node plugin/);
  });
});
