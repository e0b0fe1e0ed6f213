import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { PodTemplateEvidence, TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V15, NODE_A, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const SECRET = 'azure-files-stmedia';
const PV = 'pv-media-share';
const MOUNT = `MountVolume.MountDevice failed for volume "${PV}" : rpc error: code = Internal desc = volume(rg#stmedia#media###media) mount //stmedia.file.core.windows.net/media on /var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/8e3b/globalmount failed with mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t cifs -o dir_mode=0777,file_mode=0777,<masked> //stmedia.file.core.windows.net/media /var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/8e3b/globalmount\nOutput: mount error(13): Permission denied\nRefer to the mount.cifs(8) manual page (e.g. man mount.cifs) and kernel log messages (dmesg)`;
const share: VolumeEvidence = { name: 'media', source: 'pvc', ref: 'media-share' };

/** Revision 7 (an image bump, 20 min ago) cannot mount the Azure Files share on its node; revision 6's pods, mounted days ago, keep working. */
function smbLoginScenario(newVolumes: VolumeEvidence[] = [share]): TriageEvidence {
  const stuck = pod(0, { revisionHash: REV7.hash, nodeName: NODE_A, ready: false, phase: 'Pending', createdAt: minutesAgo(19), startTime: minutesAgo(19), volumes: newVolumes, containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
  const old = [1, 2, 3].map((i) => pod(i, { volumes: [share] }));
  const tpl = (volumes: VolumeEvidence[]): PodTemplateEvidence => ({ initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
  const base = baseEvidence({
    pods: [...old, stuck],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }),
    pvcs: [{ name: 'media-share', phase: 'Bound', volumeName: PV, accessModes: ['ReadWriteMany'], usedByPods: [...old, stuck].map((p) => p.name) }],
    events: [event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedMount', message: MOUNT, count: 14, firstSeen: minutesAgo(19), lastSeen: minutesAgo(1) })],
  });
  return {
    ...base,
    volumes: [{ name: PV, phase: 'Bound', nodeAffinity: [], driver: 'file.csi.azure.com', credentialSecret: { name: SECRET, namespace: NS, field: 'csi.nodeStageSecretRef' } }],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: tpl([share]) }),
      revision(REV7, minutesAgo(20), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], template: tpl(newVolumes) }),
    ],
  };
}

describe('an SMB share whose server refuses the mount\'s login (mount error 13)', () => {
  it('names the Secret the PersistentVolume logs in with, the key to put back, and the running pods whose sessions predate it', () => {
    const [f] = analyzeVolumeAttach(smbLoginScenario());
    expect(f?.id).toBe(`volume-attach/smb-login/${PV}`);
    expect(f?.title).toBe(`Volume ${PV} blocks 1 pod: the SMB server stmedia.file.core.windows.net refuses the mount's login (mount error(13): Permission denied): the storage account key in Secret ${SECRET} (the volume's csi.nodeStageSecretRef) is not accepted`);
    expect(f?.likelyCause).toMatch(/rotated/);
    expect(f?.nextAction).toMatch(new RegExp(`^Put the current storage account key in Secret ${SECRET} \\(key azurestorageaccountkey\\)`));
    expect(f?.nextAction).toMatch(/Rolling back does not help/);
    expect(f?.fix).toBe(`update Secret ${SECRET} with the current storage account key`);
    expect(f?.evidence.some((l) => /^3 running pods mount the same share/.test(l))).toBe(true);
    expect(f?.confirmCommands).toContain(`kubectl get pv ${PV} -o jsonpath='{.spec.csi.nodeStageSecretRef}' --context prod-eu-west-1`);
  });

  it('clears a revision that did not change the volume: the key changed outside the workload', () => {
    const ev = smbLoginScenario();
    const [f] = analyzeVolumeAttach(ev);
    const t = findTrigger(ev, f, compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'none' });
    expect(t.kind === 'none' ? t.exonerated : '').toMatch(/^revision 7 \(20m ago\) is not the cause: it did not change volume/);
  });

  it('still blames a revision that changed the pods\' volumes', () => {
    const ev = smbLoginScenario([{ name: 'media', source: 'pvc', ref: 'media-share-v2' }]);
    ev.pvcs.push({ name: 'media-share-v2', phase: 'Bound', volumeName: PV, accessModes: ['ReadWriteMany'], usedByPods: [] });
    const [f] = analyzeVolumeAttach(ev);
    expect(findTrigger(ev, f, compareFailingHealthy(ev))).toMatchObject({ kind: 'revision' });
  });
});
