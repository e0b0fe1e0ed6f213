import { describe, expect, it } from 'vitest';
import { analyzeRolloutSettings } from '../../../../src/domain/triage/analyzers/rollout-settings.js';
import { analyzeRolloutStalled } from '../../../../src/domain/triage/analyzers/rollout-stalled.js';
import { analyzeServiceEndpoints } from '../../../../src/domain/triage/analyzers/service-endpoints.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { IMAGE_V15, REV6, REV7, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const STALLED = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "payment-service-${REV7.hash}" has timed out progressing.`, lastTransitionTime: minutesAgo(2) } as const;

/** Revision 7 (12m ago) asks for minReadySeconds `bake`; its 2 new pods have been Ready for 11 minutes. */
function bakeLongerThanDeadline(bake: number, newPodsReady = true): TriageEvidence {
  const fresh = [5, 6].map((i) => pod(i, {
    revisionHash: REV7.hash,
    ready: newPodsReady,
    createdAt: minutesAgo(12),
    startTime: minutesAgo(12),
    containers: [container({ image: IMAGE_V15, ready: newPodsReady, state: { running: { startedAt: minutesAgo(11.9) } } })],
    conditions: [{ type: 'Ready', status: newPodsReady ? 'True' : 'False', lastTransitionTime: minutesAgo(11) }],
  }));
  return baseEvidence({
    workload: workload({ currentRevision: 7, replicas: 7, readyReplicas: newPodsReady ? 7 : 5, availableReplicas: 5, updatedReplicas: 2, rolloutSettings: { strategy: 'RollingUpdate', minReadySeconds: bake, progressDeadlineSeconds: 600 }, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }, STALLED] }),
    pods: [...[0, 1, 2, 3, 4].map((i) => pod(i)), ...fresh],
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 5 }), revision(REV7, minutesAgo(12), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })],
  });
}

/** Revision 7 (8m ago) with strategy Recreate: the 3 old pods drain (grace `grace` s), no new pod exists yet. */
function recreateBehindDrain(grace: number, strategy: 'Recreate' | 'RollingUpdate' = 'Recreate'): TriageEvidence {
  const template = (): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, terminationGracePeriodSeconds: grace });
  // deletionTimestamp: when the grace period ends (the delete, 8m ago, plus the grace).
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, deletionTimestamp: minutesAgo(8 - grace / 60), containers: [container({ ready: false })] }));
  return baseEvidence({
    workload: workload({ currentRevision: 7, specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0, rolloutSettings: { strategy, progressDeadlineSeconds: 600 }, conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] }),
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0, template: template() }), revision(REV7, minutesAgo(8), { replicas: 0, template: template(), containers: [revisionContainer({ image: IMAGE_V15 })] })],
    endpointSlices: [{ ...endpointSlice('payment-service', pods), endpoints: endpointSlice('payment-service', pods).endpoints.map((e) => ({ ...e, ready: false, terminating: true })) }],
  });
}

describe('a rollout whose minReadySeconds is not below its progress deadline', () => {
  it('names both settings, says the Ready new pods will turn available, and advises no rollback', () => {
    const ev = bakeLongerThanDeadline(900);
    const [f] = analyzeRolloutSettings(ev);
    expect(f?.title).toMatch(/minReadySeconds 900/);
    expect(f?.title).toMatch(/progressDeadlineSeconds 600/);
    expect(f?.likelyCause).toMatch(/available/);
    expect(f?.passesBy).toMatch(/in 4m/);
    const d = diagnose(ev, rankFindings([...analyzeRolloutStalled(ev), f!]));
    expect(d?.mechanism.kind).toBe('rollout-settings');
    expect(d?.headline).toMatch(/minReadySeconds 900/);
    expect(d?.headline).toMatch(/below progressDeadlineSeconds/);
    expect(d?.headline).not.toMatch(/Roll back to|rollout undo/);
  });

  it('stays silent when minReadySeconds is below the deadline or the new pods are not Ready', () => {
    expect(analyzeRolloutSettings(bakeLongerThanDeadline(300))).toEqual([]);
    expect(analyzeRolloutSettings(bakeLongerThanDeadline(900, false))).toEqual([]);
  });
});

describe('a Recreate rollout waiting on old pods that drain for a long grace period', () => {
  it('names Recreate and the grace period, says when the old pods go, clears the new revision and advises no rollback', () => {
    const ev = recreateBehindDrain(900);
    const [f] = analyzeRolloutSettings(ev);
    expect(f?.title).toMatch(/Recreate/);
    expect(f?.title).toMatch(/terminationGracePeriodSeconds 900/);
    expect(f?.title).toMatch(/3 old pods, still Terminating/);
    expect(f?.title).toMatch(/holds back revision 7 \(rolled out 8m ago\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.passesBy).toMatch(/in 7m/);
    expect(f?.likelyCause).toMatch(/not (shown|proven) faulty|has not started/);
    expect(f?.affected?.services).toContain('payment-service');
    const d = diagnose(ev, rankFindings([...analyzeServiceEndpoints(ev), f!]));
    expect(d?.mechanism.kind).toBe('rollout-settings');
    expect(d?.headline).toMatch(/Recreate/);
    expect(d?.headline).toMatch(/RollingUpdate/);
    expect(d?.headline).not.toMatch(/Roll back to|rollout undo/);
  });

  it('stays silent for a RollingUpdate and for the default short grace period', () => {
    expect(analyzeRolloutSettings(recreateBehindDrain(900, 'RollingUpdate'))).toEqual([]);
    expect(analyzeRolloutSettings(recreateBehindDrain(30))).toEqual([]);
  });
});
