// A rollout that left the workload with no ready pod: the old ReplicaSet went to 0 (Recreate, or a
// maxUnavailable as large as the replicas) before any new pod passed readiness. Ready now, yet an
// outage that happened and repeats on every rollout.
import { describe, expect, it } from 'vitest';
import { analyzeRolloutSettings } from '../../../../src/domain/triage/analyzers/rollout-settings.js';
import { analyzeRecentRollout } from '../../../../src/domain/triage/analyzers/recent-rollout.js';
import type { DeploymentRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { findRolloutOutage } from '../../../../src/domain/triage/rollout-outage.js';
import { pickRolloutOutageServices } from '../../../../src/domain/triage/service-callers.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { APP, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, service, workload } from '../scenarios/builders.js';

const REV5 = { revision: 5, hash: '6b8c7d5f9a' };

/**
 * Revision 7 rolled out 10m ago: the old ReplicaSet (revision 6's) went from 4 to 0 at 10m, the new one
 * from 0 to 4 at 9.8m, and its pods failed readiness until `readyAgo` minutes ago. Revision 6 (9 days
 * ago) says in its change-cause that it set Recreate.
 */
function rolloutGap(opts: { settings?: DeploymentRolloutEvidence; readyAgo?: number; downAgo?: number } = {}): TriageEvidence {
  const { settings = { strategy: 'Recreate' }, readyAgo = 6.8, downAgo = 10 } = opts;
  const pods = [0, 1, 2, 3].map((i) => pod(i, {
    revisionHash: REV7.hash,
    createdAt: minutesAgo(downAgo - 0.2),
    startTime: minutesAgo(downAgo - 0.2),
    containers: [container({ image: IMAGE_V15, state: { running: { startedAt: minutesAgo(downAgo - 0.3) } } })],
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: minutesAgo(readyAgo - i * 0.1) }],
  }));
  const onDeployment = { kind: 'Deployment', name: APP, namespace: NS };
  return baseEvidence({
    workload: workload({ currentRevision: 7, specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 4, rolloutSettings: settings }),
    pods,
    revisions: [
      revision(REV5, minutesAgo(21 * 24 * 60)),
      revision(REV6, minutesAgo(9 * 24 * 60), { changeCause: 'helm: payment-service chart 4.0.0 OPS-12: rollout strategy Recreate' }),
      revision(REV7, minutesAgo(downAgo), { replicas: 4, changeCause: 'helm: payment-service chart 4.0.2', containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    events: [
      event({ object: onDeployment, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${APP}-${REV6.hash} from 4 to 0`, firstSeen: minutesAgo(downAgo), lastSeen: minutesAgo(downAgo), source: 'deployment-controller' }),
      event({ object: onDeployment, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV7.hash} from 0 to 4`, firstSeen: minutesAgo(downAgo - 0.2), lastSeen: minutesAgo(downAgo - 0.2), source: 'deployment-controller' }),
      ...pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 17, firstSeen: minutesAgo(downAgo - 0.6), lastSeen: minutesAgo(readyAgo + 0.1) })),
    ],
    services: [service({ clusterIP: '172.20.14.7' })],
  });
}

describe('a rollout that left no ready pod: the old ReplicaSet went to 0 before the new pods passed readiness', () => {
  it('measures the gap from the scale-down to the first new pod Ready', () => {
    const o = findRolloutOutage(rolloutGap());
    expect(o?.revision.revision).toBe(7);
    expect(o?.scaledDown).toBe(`${APP}-${REV6.hash}`);
    expect(Math.round((o?.gapMs ?? 0) / 1000)).toBe(192);
    expect(o?.setBy?.revision).toBe(6);
  });

  it('is a problem under strategy Recreate: names the gap, the revision that set Recreate, no rollback, and a RollingUpdate that keeps old pods serving', () => {
    const ev = rolloutGap();
    const [f] = analyzeRolloutSettings(ev);
    expect(f?.severity).toBe('warning');
    expect(f?.title).toMatch(/strategy Recreate takes every pod down on each rollout/i);
    expect(f?.title).toMatch(/no ready pod for ~3m during the rollout of revision 7 10m ago/);
    expect(f?.title).toMatch(/need ~3m to pass readiness/);
    expect(f?.title).toMatch(/Recreate set by revision 6 \(9d ago/);
    expect(f?.evidence.join('\n')).toMatch(/Scaled down replica set .* from 4 to 0/);
    expect(f?.evidence.join('\n')).toMatch(/Readiness probe failed/);
    expect(f?.fix).toMatch(/RollingUpdate with maxUnavailable 0 and maxSurge 1/);
    const d = diagnose(ev, rankFindings([...analyzeRecentRollout(ev), f!]));
    expect(d?.mechanism.kind).toBe('rollout-settings');
    expect(d?.headline).toMatch(/Recreate/);
    expect(d?.headline).toMatch(/maxUnavailable 0/);
    expect(d?.headline).not.toMatch(/Roll back to|rollout undo|^Since revision 7/);
    expect(d?.headline.length).toBeLessThan(700);
  });

  it('says so for a RollingUpdate whose maxUnavailable covers every replica', () => {
    const [f] = analyzeRolloutSettings(rolloutGap({ settings: { strategy: 'RollingUpdate', maxUnavailable: '100%', maxSurge: '0' } }));
    expect(f?.title).toMatch(/maxUnavailable 100% takes every pod down on each rollout/);
  });

  it('counts a pod as serving only after its last failed readiness probe, whatever its Ready condition\'s time says', () => {
    const ev = rolloutGap();
    // The Ready conditions say 19s after start; the readiness probes failed until 6.9m ago.
    ev.pods = ev.pods.map((p) => ({ ...p, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: minutesAgo(9.5) }] }));
    const o = findRolloutOutage(ev);
    expect(Math.round((o?.gapMs ?? 0) / 1000)).toBe(186);
  });

  it('says the reason Recreate may have been chosen when the pods mount a ReadWriteOnce claim', () => {
    const ev = rolloutGap();
    const [f] = analyzeRolloutSettings({ ...ev, pvcs: [{ name: 'catalog-data', phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: ev.pods.map((p) => p.name) }] });
    expect(f?.nextAction).toMatch(/ReadWriteOnce claim catalog-data/);
  });

  it('stays silent for a RollingUpdate that keeps pods, a short gap, or a rollout more than an hour ago', () => {
    expect(analyzeRolloutSettings(rolloutGap({ settings: { strategy: 'RollingUpdate', maxUnavailable: '25%', maxSurge: '25%' } }))).toEqual([]);
    expect(analyzeRolloutSettings(rolloutGap({ readyAgo: 9.7 }))).toEqual([]);
    expect(analyzeRolloutSettings(rolloutGap({ downAgo: 90, readyAgo: 86 }))).toEqual([]);
  });

  it('lets the callers of the workload\'s Services be read: they felt the gap', () => {
    const ev = rolloutGap();
    const seen = { pods: ev.pods, services: ev.services, events: ev.events, revisions: ev.revisions, collectedAt: ev.collectedAt };
    expect(pickRolloutOutageServices(seen)).toEqual([{ name: APP, clusterIP: '172.20.14.7' }]);
    expect(pickRolloutOutageServices({ ...seen, events: seen.events.filter((e) => !/Scaled down/.test(e.message)) })).toEqual([]);
  });
});
