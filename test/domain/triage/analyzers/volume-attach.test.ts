import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NS, baseEvidence, container, endpointSlice, event, minutesAgo, pod, service, terminated, unscheduledPod } from '../scenarios/builders.js';
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

  /**
   * An NFS share served from inside the cluster: the PV's server is the cluster IP of Service
   * nfs-server, whose only pod waits for a node in its volume's zone. The new pod cannot mount the
   * share; the two running ones hold it and are not ready.
   */
  function nfsServerDown(): TriageEvidence {
    const volumes = [{ name: 'media', source: 'pvc' as const, ref: 'media-shared' }];
    const stuck = pod(0, { phase: 'Pending', ready: false, createdAt: minutesAgo(54), startTime: minutesAgo(54), volumes, containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })] });
    const hung = [1, 2].map((i) => pod(i, { ready: false, volumes }));
    const other = pod(3, { name: 'media-transcoder-6d5c8b7f4-h2k9q', labels: { app: 'media-transcoder' } });
    const refused = '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const server = unscheduledPod(4, refused, 54, { name: 'nfs-server-0', labels: { app: 'nfs-server' }, volumes: [{ name: 'export', source: 'pvc', ref: 'export-nfs-server-0' }] });
    return baseEvidence({
      pods: [stuck, ...hung],
      pvcs: [{ name: 'media-shared', phase: 'Bound', volumeName: 'media-shared-nfs', accessModes: ['ReadWriteMany'], usedByPods: [stuck, ...hung].map((p) => p.name) }],
      volumes: [{ name: 'media-shared-nfs', phase: 'Bound', claim: `${NS}/media-shared`, nodeAffinity: [], driver: 'nfs', nfs: { server: '172.20.141.26', path: '/exports/media' } }],
      services: [service({ name: 'nfs-server', selector: { app: 'nfs-server' }, clusterIP: '172.20.141.26' }), service({ name: 'media-transcoder', selector: { app: 'media-transcoder' }, clusterIP: '172.20.115.118' })],
      endpointSlices: [endpointSlice('nfs-server', []), endpointSlice('media-transcoder', [other])],
      downServices: [{ service: 'nfs-server', pods: [server], events: [event({ object: { kind: 'Pod', name: 'nfs-server-0', namespace: NS }, reason: 'FailedScheduling', message: refused, count: 23, firstSeen: minutesAgo(54), lastSeen: minutesAgo(2), source: 'default-scheduler' })] }],
      events: [
        event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "media-shared-nfs" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o hard,nfsvers=3 172.20.141.26:/exports/media /var/lib/kubelet/pods/7c17/volumes/kubernetes.io~nfs/media-shared-nfs\nOutput: mount.nfs: Connection timed out\n', count: 21, firstSeen: minutesAgo(52), lastSeen: minutesAgo(1) }),
      ],
    });
  }

  it('names the in-cluster NFS server behind a failing mount, down with no ready endpoint, and why its pod does not run', () => {
    const ev = nfsServerDown();
    const [f, ...rest] = analyzeVolumeAttach(ev);
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('volume-server-down');
    expect(f?.title).toBe('NFS server nfs-server of volume media-shared-nfs (claim media-shared) is down — Service nfs-server (172.20.141.26) has no ready endpoint: its pod nfs-server-0 is Pending — FailedScheduling: 0/3 nodes are available: 3 node(s) had volume node affinity conflict; 1 pod cannot mount the share, 2 running pods holding it are not ready');
    expect(f?.decisive).toBe('mount.nfs: Connection timed out');
    expect(f?.affected?.pods).toEqual(ev.pods.map((p) => p.name));
    expect(f?.fix).toBe('get nfs-server-0 of nfs-server scheduled: bring up a node it may use in the zone of its volume (claim export-nfs-server-0)');
    expect(f?.outsideWorkload).toMatch(/NFS server nfs-server/);
    expect(f?.likelyCause).toMatch(/the cluster IP of Service nfs-server/);
    expect(f?.confirmCommands).toContain(`kubectl get endpointslices -l kubernetes.io/service-name=nfs-server -n ${NS} --context prod-eu-west-1`);
  });

  it('keeps the plain mount failure when the NFS server is outside the cluster or its Service serves', () => {
    const outside = nfsServerDown();
    outside.volumes = outside.volumes?.map((v) => ({ ...v, nfs: { server: '10.40.0.12', path: '/exports/media' } }));
    outside.events = outside.events.map((e) => ({ ...e, message: e.message.replace('172.20.141.26', '10.40.0.12') }));
    expect(analyzeVolumeAttach(outside)[0]?.kind).toBe('volume-attach');
    const serving = nfsServerDown();
    serving.endpointSlices = [endpointSlice('nfs-server', [pod(4, { name: 'nfs-server-0' })])];
    expect(analyzeVolumeAttach(serving)[0]?.kind).toBe('volume-attach');
  });

  it('finds the server in the mount arguments, or by the Service\'s DNS name, when the volume object was not read', () => {
    const noPv = nfsServerDown();
    noPv.volumes = [];
    expect(analyzeVolumeAttach(noPv)[0]?.title).toMatch(/^NFS server nfs-server of volume media-shared-nfs/);
    const byName = nfsServerDown();
    byName.volumes = [];
    byName.events = byName.events.map((e) => ({ ...e, message: e.message.replace('172.20.141.26', `nfs-server.${NS}.svc.cluster.local`) }));
    expect(analyzeVolumeAttach(byName)[0]?.kind).toBe('volume-server-down');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeVolumeAttach(healthyScenario())).toEqual([]);
  });
});

describe('analyzeVolumeAttach: a mount that failed before the container started', () => {
  it('ignores a finished pod whose container started after the last failed mount', () => {
    const ev = multiAttachScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, phase: 'Failed' as const, ready: false, containers: [container({ name: 'ledger', ready: false, state: terminated(1, 'Error', 5, { runSeconds: 30 * 60 }) })] }));
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "kube-api-access" : failed to sync configmap cache: timed out waiting for the condition', count: 1, firstSeen: minutesAgo(36), lastSeen: minutesAgo(36) })];
    expect(analyzeVolumeAttach(ev)).toEqual([]);
  });

  it('still reports a pod whose mount keeps failing after its last start', () => {
    const ev = multiAttachScenario();
    ev.pods = ev.pods.map((p) => ({ ...p, phase: 'Failed' as const, ready: false, containers: [container({ name: 'ledger', ready: false, state: terminated(1, 'Error', 50, { runSeconds: 60 }) })] }));
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "config" : configmap "ledger-config" not found', count: 6, firstSeen: minutesAgo(30), lastSeen: minutesAgo(1) })];
    expect(analyzeVolumeAttach(ev)).toHaveLength(1);
  });
});
