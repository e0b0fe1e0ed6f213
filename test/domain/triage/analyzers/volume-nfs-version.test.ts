import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NS, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const PV = 'shared-docs-nfs';
const mountError = (options: string) => `MountVolume.SetUp failed for volume "${PV}" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o ${options} 192.0.2.20:/exports/docs /var/lib/kubelet/pods/1f2e/volumes/kubernetes.io~nfs/${PV}\nOutput: mount.nfs: Protocol not supported\n`;
const docs: VolumeEvidence = { name: 'docs', source: 'pvc', ref: 'shared-docs' };

/** Three pods mounted the export days ago; the one the autoscaler added 15 minutes ago cannot. */
function nfsScenario(pvOptions: string[] | undefined): TriageEvidence {
  const stuck = pod(3, { nodeName: NODE_A, ready: false, phase: 'Pending', createdAt: minutesAgo(15), startTime: minutesAgo(15), volumes: [docs], containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
  const old = [0, 1, 2].map((i) => pod(i, { volumes: [docs] }));
  const base = baseEvidence({
    pods: [...old, stuck],
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 3, availableReplicas: 3 }),
    pvcs: [{ name: 'shared-docs', phase: 'Bound', volumeName: PV, accessModes: ['ReadWriteMany'], usedByPods: [...old, stuck].map((p) => p.name) }],
    events: [event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: mountError('hard,nfsvers=4.2,timeo=600'), count: 12, firstSeen: minutesAgo(15), lastSeen: minutesAgo(1) })],
  });
  return { ...base, volumes: [{ name: PV, phase: 'Bound', nodeAffinity: [], driver: 'nfs', nfs: { server: '192.0.2.20', path: '/exports/docs' }, ...(pvOptions ? { mountOptions: pvOptions } : {}) }] };
}

describe('an NFS mount the server refuses with "Protocol not supported"', () => {
  it('names the NFS version the PersistentVolume\'s mountOptions ask for and says to set one the server serves', () => {
    const [f] = analyzeVolumeAttach(nfsScenario(['nfsvers=4.2', 'hard', 'timeo=600']));
    expect(f?.id).toBe(`volume-attach/nfs-version/${PV}`);
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: the NFS server 192.0.2.20 refuses the protocol version the mount asks for, nfsvers=4.2 (PersistentVolume ${PV}'s mountOptions): "mount.nfs: Protocol not supported"`);
    expect(f?.fix).toBe(`set nfsvers in PersistentVolume ${PV}'s mountOptions to a version 192.0.2.20 serves`);
    expect(f?.decisive).toBe('mount.nfs: Protocol not supported');
    expect(f?.evidence).toContain(`PersistentVolume ${PV}: mountOptions nfsvers=4.2, hard, timeo=600; NFS 192.0.2.20:/exports/docs`);
    expect(f?.evidence.some((l) => /^3 running pods mount the same export/.test(l))).toBe(true);
  });

  it('reads the version from the kubelet\'s mount arguments when the volume\'s options were not read', () => {
    const [f] = analyzeVolumeAttach(nfsScenario(undefined));
    expect(f?.title).toMatch(/asks for, nfsvers=4\.2 \(the mount's options\)/);
  });
});
