import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { PersistentVolumeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseSchedulingMessage } from '../../../../src/domain/triage/scheduling-message.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, unscheduledPod, workload } from '../scenarios/builders.js';

const DELETING = '0/3 nodes are available: persistentvolumeclaim "media-shared" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const CLAIM = 'media-shared';
const media = { name: 'media', source: 'pvc' as const, ref: CLAIM };
const VOLUME: PersistentVolumeEvidence = { name: 'pvc-0b1c2d', claim: `${NS}/${CLAIM}`, phase: 'Bound', reclaimPolicy: 'Delete', nodeAffinity: [], driver: 'efs.csi.aws.com' };

/** Two revision-6 pods share a ReadWriteMany claim someone deleted 3 days ago; revision 7's new pod is refused. */
function deletingScenario(volumes: PersistentVolumeEvidence[] = [VOLUME]): TriageEvidence {
  const old = [pod(0, { volumes: [media] }), pod(1, { volumes: [media] })];
  const waiting = unscheduledPod(2, DELETING, 20, { revisionHash: REV7.hash, volumes: [media] });
  return baseEvidence({
    pods: [...old, waiting],
    workload: workload({ specReplicas: 2, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 1, currentRevision: 7 }),
    revisions: [revision(REV6, minutesAgo(6 * 24 * 60), { replicas: 2 }), revision(REV7, minutesAgo(20), { replicas: 1 })],
    events: [event({ object: { kind: 'Pod', name: waiting.name, namespace: NS }, reason: 'FailedScheduling', message: DELETING, count: 14, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1), source: 'default-scheduler' })],
    pvcs: [{
      name: CLAIM, phase: 'Bound', volumeName: VOLUME.name, accessModes: ['ReadWriteMany'], usedByPods: [...old, waiting].map((p) => p.name),
      deletionTimestamp: minutesAgo(3 * 24 * 60), finalizers: ['kubernetes.io/pvc-protection'],
    }],
    volumes,
    hpas: [],
  });
}

describe('a pod refused because a claim it mounts is being deleted', () => {
  it('classifies the scheduler reason and keeps the claim', () => {
    expect(parseSchedulingMessage(DELETING).reasons[0]).toMatchObject({ category: 'claim-deleting', detail: CLAIM });
  });

  it('says who keeps the deleted claim, that the volume goes with it, and keeps the running pods instead of a rollback', () => {
    const ev = deletingScenario();
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toContain(`; claim ${CLAIM} was deleted 3d ago and is kept only while 2 running pods of revision 6 use it (kubernetes.io/pvc-protection)`);
    expect(f?.evidence).toContain(`PVC ${CLAIM}: deletionTimestamp ${minutesAgo(3 * 24 * 60)} (3d ago), finalizers kubernetes.io/pvc-protection`);
    expect(f?.likelyCause).toMatch(/refuses every new pod that mounts a claim being deleted, whatever its revision/);
    expect(f?.likelyCause).toMatch(/and with it volume pvc-0b1c2d \(reclaim policy Delete\): its data is lost/);
    expect(f?.nextAction).toMatch(/^Keep the pods that use media-shared running \(no restart, scale-down or rollback\); first set volume pvc-0b1c2d's reclaim policy to Retain/);
    expect(f?.outsideWorkload).toBe(`claim ${CLAIM} is being deleted, and the scheduler refuses new pods of any revision that mount it`);
    const d = diagnose(ev, f ? [f] : []);
    expect(d?.trigger.kind).toBe('none');
    expect(d?.action).not.toMatch(/roll back to/i);
  });

  it('claims nothing about the volume it could not read', () => {
    const [f] = analyzeFailedScheduling(deletingScenario([]));
    expect(f?.likelyCause).not.toMatch(/reclaim policy/);
    expect(f?.nextAction).toMatch(/make sure the volume behind media-shared has reclaim policy Retain/);
  });
});
