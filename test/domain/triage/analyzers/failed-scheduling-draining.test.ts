import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { IMAGE_V15, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, unscheduledPod } from '../scenarios/builders.js';

const MESSAGE = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

/** Revision 7 rolls with maxSurge 1 / maxUnavailable 0: one old pod drains (grace `grace` s), the next surge pod has no room. */
function surgeBehindDrain(grace: number): TriageEvidence {
  const template = (): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, terminationGracePeriodSeconds: grace });
  const hooks = { preStop: 'exec /usr/local/bin/gateway drain --deadline=3500s' };
  const pending = unscheduledPod(6, MESSAGE, 14, { revisionHash: REV7.hash });
  return baseEvidence({
    pods: [
      pod(0, { deletionTimestamp: minutesAgo(-46), ready: false, containers: [container({ ready: false })] }),
      ...[1, 2, 3, 4].map((i) => pod(i)),
      pod(5, { revisionHash: REV7.hash, createdAt: minutesAgo(15), startTime: minutesAgo(15), containers: [container({ image: IMAGE_V15 })] }),
      pending,
    ],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 5, template: template(), containers: [revisionContainer({ hooks })] }),
      revision(REV7, minutesAgo(15), { replicas: 2, template: template(), containers: [revisionContainer({ image: IMAGE_V15, hooks })] }),
    ],
    events: [event({ reason: 'FailedScheduling', message: MESSAGE, object: { kind: 'Pod', name: pending.name, namespace: 'payments' }, count: 11, firstSeen: minutesAgo(14), lastSeen: minutesAgo(1) })],
  });
}

describe('a surge pod Pending behind old pods that drain for a long grace period', () => {
  it('says the old pod still holds its requests and for how long, and waits rather than rolling back', () => {
    const ev = surgeBehindDrain(3600);
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toMatch(/1 old pod still Terminating \(draining\) holds its requests for up to 1 hour \(terminationGracePeriodSeconds 3600\)/);
    expect(f?.evidence.join('\n')).toMatch(/preStop exec \/usr\/local\/bin\/gateway drain/);
    expect(f?.affected?.pods).toContain(ev.pods[0]?.name);
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toMatch(/Terminating \(draining\)/);
    expect(d?.action).toMatch(/^Let the rollout proceed/);
    expect(d?.headline).not.toMatch(/Roll back to/);
  });

  it('does not blame a drain when the old pods have the default short grace period', () => {
    const [f] = analyzeFailedScheduling(surgeBehindDrain(30));
    expect(f?.title).not.toMatch(/Terminating/);
    expect(f?.passesBy).toBeUndefined();
  });
});
