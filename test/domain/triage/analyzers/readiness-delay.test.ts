import { describe, expect, it } from 'vitest';
import { analyzeReadinessDelay } from '../../../../src/domain/triage/analyzers/readiness-delay.js';
import { analyzeRecentRollout } from '../../../../src/domain/triage/analyzers/recent-rollout.js';
import { analyzeRolloutStalled } from '../../../../src/domain/triage/analyzers/rollout-stalled.js';
import { analyzeServiceEndpoints } from '../../../../src/domain/triage/analyzers/service-endpoints.js';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import type { ConditionEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { APP, IMAGE_V15, REV6, REV7, baseEvidence, container, endpointSlice, event, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const probeText = (delay: number) => `GET :8080/ready${delay > 0 ? `, after ${delay}s` : ''}, every 10s, timeout 1s, 3 failures`;

/**
 * Revision 7 (12.6m ago) brings image 2.15.0 and a readiness initialDelaySeconds `delay` (revision 6
 * had `was`); its 2 pods started `upMinutes` ago, Running and unready; the 3 old pods serve.
 */
function delayedReadiness(delay: number, opts: { was?: number; upMinutes?: number; stalled?: boolean } = {}): TriageEvidence {
  const { was = 20, upMinutes = 12.2, stalled = true } = opts;
  const readiness = { type: 'http' as const, path: '/ready', port: 8080, initialDelaySeconds: delay, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
  const fresh = [3, 4].map((i) => pod(i, {
    revisionHash: REV7.hash,
    ready: false,
    createdAt: minutesAgo(upMinutes + 0.3),
    startTime: minutesAgo(upMinutes + 0.3),
    containers: [container({ image: IMAGE_V15, ready: false, state: { running: { startedAt: minutesAgo(upMinutes) } }, probes: { ...container().probes, readiness } })],
  }));
  const pods = [...[0, 1, 2].map((i) => pod(i)), ...fresh];
  const progressing: ConditionEvidence = stalled
    ? { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${APP}-${REV7.hash}" has timed out progressing.`, lastTransitionTime: minutesAgo(2) }
    : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' };
  return baseEvidence({
    workload: workload({ currentRevision: 7, specReplicas: 4, replicas: 5, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, rolloutSettings: { strategy: 'RollingUpdate', maxSurge: '1', maxUnavailable: '1' }, conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }, progressing] }),
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, containers: [revisionContainer({ probes: { readiness: probeText(was) } })] }),
      revision(REV7, minutesAgo(12.6), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, probes: { readiness: probeText(delay) } })] }),
    ],
    endpointSlices: [endpointSlice(APP, pods)],
  });
}

function verdictOf(ev: TriageEvidence) {
  const findings = [...analyzeReadinessDelay(ev), ...analyzeRecentRollout(ev), ...analyzeRolloutStalled(ev), ...analyzeUnreadyReplicas(ev), ...analyzeServiceEndpoints(ev)];
  return diagnose(ev, rankFindings(findings));
}

describe('a readiness initialDelaySeconds longer than the pods have been up', () => {
  it('says the probe has not run yet, names the delay and when the first check comes, and counts no probe as failed', () => {
    const [f, ...rest] = analyzeReadinessDelay(delayedReadiness(900));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('readiness-probe');
    expect(f?.title).toMatch(/has not run yet: initialDelaySeconds 900 \(15 minutes; revision 6 had 20\)/);
    expect(f?.title).toMatch(/the 2 pods of revision 7 have been up \(12m\)/);
    expect(f?.title).toMatch(/cannot be Ready before the first check, in 2m/);
    expect(f?.title).not.toMatch(/readiness probe (is |keeps )?fail/i);
    expect(f?.fix).toMatch(/initialDelaySeconds back to 20 in a new revision/);
    expect(f?.fix).toMatch(/startupProbe/);
    expect(f?.rollbackUndoes).toMatch(/revision 7 \(app image 2\.14\.0 → 2\.15\.0\)/);
    expect(f?.affected?.pods).toHaveLength(2);
  });

  it('makes the verdict name the delay as the mechanism and the revision line that set it as the trigger, fixing forward with the rollback as the fallback', () => {
    const d = verdictOf(delayedReadiness(900));
    expect(d?.mechanism.id).toBe('readiness-probe/app/initial-delay');
    expect(d?.headline).toMatch(/^Since revision 7 \(12m ago: app readiness probe: after 20s → after 900s\): Readiness probe of app has not run yet/);
    expect(d?.headline).toMatch(/initialDelaySeconds 900 \(15 minutes/);
    expect(d?.headline).toMatch(/Set the readiness probe's initialDelaySeconds back to 20 in a new revision/);
    expect(d?.headline).toMatch(/rolling back to revision 6 would also undo the rest of revision 7/);
    expect(d?.mechanism.explains?.join('\n')).toMatch(/progress deadline exceeded/);
    expect(d?.headline.length).toBeLessThan(700);
  });

  it('flags a shorter delay that grew far over the revision before, and stays silent when it did not', () => {
    expect(analyzeReadinessDelay(delayedReadiness(240, { was: 20, upMinutes: 3 }))).toHaveLength(1);
    expect(analyzeReadinessDelay(delayedReadiness(240, { was: 180, upMinutes: 3 }))).toEqual([]);
  });

  it('stays silent for pods still within a normal start, past their delay, or whose probe has run and failed', () => {
    // Still starting: up 1 minute.
    expect(analyzeReadinessDelay(delayedReadiness(900, { upMinutes: 1, stalled: false }))).toEqual([]);
    // A normal delay long past: the probe has run, its result is another analyzer's.
    expect(analyzeReadinessDelay(delayedReadiness(30, { was: 30, stalled: false }))).toEqual([]);
    // Up 16 minutes with a 900 s delay: the check has run.
    expect(analyzeReadinessDelay(delayedReadiness(900, { upMinutes: 16 }))).toEqual([]);
    const failed = delayedReadiness(900);
    failed.events = [event({ object: { kind: 'Pod', name: failed.pods[3]?.name ?? '', namespace: failed.target.namespace }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', lastSeen: minutesAgo(0.5) })];
    expect(analyzeReadinessDelay(failed).flatMap((f) => f.affected?.pods ?? [])).toEqual([failed.pods[4]?.name]);
  });

  it('blames no ConfigMap the pods read for a delay their template sets', () => {
    // Revision 7 is days old; its pods were re-created 12 minutes ago, just after a ConfigMap they read changed.
    const ev = delayedReadiness(900);
    ev.revisions = ev.revisions.map((r) => (r.revision === 7 ? { ...r, createdAt: minutesAgo(3 * 24 * 60) } : r));
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, envFrom: [{ kind: 'configMap' as const, name: 'payment-service-config' }] })) }));
    ev.namespaceObjects = [{ kind: 'ConfigMap', name: 'payment-service-config', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(13) }];
    const [f] = analyzeReadinessDelay(ev);
    expect(f?.id).toBe('readiness-probe/app/initial-delay');
    expect(findTrigger(ev, f, compareFailingHealthy(ev)).kind).not.toBe('object-change');
  });
});
