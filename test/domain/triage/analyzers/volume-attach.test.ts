import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NS, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { multiAttachScenario } from '../scenarios/storage.js';

describe('analyzeVolumeAttach', () => {
  it('reports Multi-Attach over the generic mount timeout of the same pod', () => {
    const findings = analyzeVolumeAttach(multiAttachScenario());
    expect(findings).toHaveLength(1);
    expect(findings[0]?.title).toBe('Volume pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e blocks 1 pod: Multi-Attach: the volume is still attached to another node');
    expect(findings[0]?.layer).toBe('storage');
    expect(findings[0]?.confirmCommands).toContain('kubectl get volumeattachments -o wide --context prod-eu-west-1');
    expect(findings[0]?.likelyCause).toContain('ReadWriteOnce');
  });

  it('names a missing ConfigMap volume source', () => {
    const ev = multiAttachScenario();
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "config" : configmap "ledger-config" not found', count: 6, firstSeen: minutesAgo(8), lastSeen: minutesAgo(1) })];
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe('Volume config blocks 1 pod: a ConfigMap or Secret volume source does not exist');
  });

  it('tells a volume attached but slow to mount (the kubelet\'s step, e.g. an fsGroup chown) from an attach failure', () => {
    const ev = multiAttachScenario();
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) })];
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toBe("Volume data blocks 1 pod: attached, but not mounted in time (the kubelet's mount step)");
    expect(f?.likelyCause).toContain('fsGroupChangePolicy Always');
    expect(f?.likelyCause).not.toMatch(/attach failure/);
  });

  it('names the claim behind a pod\'s volume, so the PVC can be found by name', () => {
    const ev = multiAttachScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, volumes: [{ name: 'data', source: 'pvc' as const, ref: 'data-ledger-0' }] }));
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) })];
    const [f] = analyzeVolumeAttach(ev);
    expect(f?.title).toMatch(/^Volume data \(claim data-ledger-0\) blocks 1 pod: /);
  });

  it('ignores mount failures of pods that became ready since', () => {
    const ev = multiAttachScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, phase: 'Running' as const, ready: true, containers: [container({ name: 'ledger' })] }));
    expect(analyzeVolumeAttach(ev)).toEqual([]);
  });

  /** An NFS share mounted by every pod; the new pod on NODE_A cannot mount it, the old one there cannot be killed. */
  function nfsNodeBound(): TriageEvidence {
    const volumes = [{ name: 'scratch', source: 'pvc' as const, ref: 'scratch' }];
    const stuck = pod(0, { nodeName: NODE_A, phase: 'Pending', ready: false, createdAt: minutesAgo(36), startTime: minutesAgo(36), volumes, containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })] });
    const old = pod(3, { nodeName: NODE_A, ready: false, deletionTimestamp: minutesAgo(36), volumes });
    const mounters = [1, 2, 4].map((i) => pod(i, { volumes }));
    return baseEvidence({
      pods: [stuck, old, ...mounters],
      pvcs: [{ name: 'scratch', phase: 'Bound', volumeName: 'media-scratch', accessModes: ['ReadWriteMany'], usedByPods: [stuck, old, ...mounters].map((p) => p.name) }],
      events: [
        event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "media-scratch" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs nas01.media.internal:/exports/scratch /var/lib/kubelet/pods/f2d3/volumes/kubernetes.io~nfs/media-scratch\nOutput: mount.nfs: Connection timed out', count: 14, firstSeen: minutesAgo(33), lastSeen: minutesAgo(2) }),
        event({ object: { kind: 'Node', name: NODE_A }, reason: 'TaskHung', message: 'INFO: task python3:48213 blocked for more than 120 seconds.', count: 19, firstSeen: minutesAgo(36), lastSeen: minutesAgo(1), source: 'kernel-monitor' }),
        event({ object: { kind: 'Pod', name: old.name, namespace: NS }, reason: 'FailedKillPod', message: 'error killing pod: [failed to "KillContainer" for "app" with KillContainerError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"]', count: 16, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) }),
      ],
    });
  }

  it('names the node when the volume mounts on other nodes: the node\'s mount client, not the server', () => {
    const [f] = analyzeVolumeAttach(nfsNodeBound());
    expect(f?.title).toBe(`Volume media-scratch blocks 1 pod: the NFS mount fails on node ${NODE_A} only (3 ready pods on other nodes mount it)`);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/storage server and the export answer/);
    expect(f?.fix).toBe(`cordon and drain ${NODE_A}, then reboot or replace it`);
    expect(f?.evidence.join('\n')).toMatch(/TaskHung ×19/);
    expect(f?.evidence.join('\n')).toMatch(/FailedKillPod/);
    expect(f?.evidence.join('\n')).toMatch(/Terminating for 36m/);
  });

  it('does not blame the node when no pod elsewhere mounts the volume, or one on the same node does', () => {
    const alone = nfsNodeBound();
    alone.pods = alone.pods.map((p) => ({ ...p, volumes: p.nodeName === NODE_A ? p.volumes : [] }));
    expect(analyzeVolumeAttach(alone)[0]?.title).toBe('Volume media-scratch blocks 1 pod: the volume mount fails on the node');
    const sameNode = nfsNodeBound();
    sameNode.pods = sameNode.pods.map((p) => (p.nodeName === NODE_B ? { ...p, nodeName: NODE_A } : p));
    expect(analyzeVolumeAttach(sameNode)[0]?.title).toBe('Volume media-scratch blocks 1 pod: the volume mount fails on the node');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeVolumeAttach(healthyScenario())).toEqual([]);
  });
});
