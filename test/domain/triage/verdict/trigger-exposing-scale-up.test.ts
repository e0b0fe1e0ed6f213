import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { APP, NS, REV6, baseEvidence, event, hpa, minutesAgo, pod, workload } from '../scenarios/builders.js';

/** Revision 6 is days old; five pods of it ran, and a scale-up fifteen minutes ago added five more that sit idle. */
function scaledOutScenario(byHpa: boolean): TriageEvidence {
  const old = [0, 1, 2, 3, 4].map((i) => pod(i));
  const fresh = [5, 6, 7, 8, 9].map((i) => pod(i, { createdAt: minutesAgo(15), startTime: minutesAgo(15) }));
  return baseEvidence({
    pods: [...old, ...fresh],
    workload: workload({ specReplicas: 10, replicas: 10, readyReplicas: 10, availableReplicas: 10, updatedReplicas: 10 }),
    hpas: byHpa ? [hpa({ maxReplicas: 20, currentReplicas: 10, desiredReplicas: 10, metrics: [{ name: 'cpu', current: '48%', target: '50%' }] })] : [],
    events: [
      ...(byHpa ? [event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstSeen: minutesAgo(15), lastSeen: minutesAgo(15), source: 'horizontal-pod-autoscaler' })] : []),
      event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 5 to 10`, firstSeen: minutesAgo(15), lastSeen: minutesAgo(15), source: 'deployment-controller' }),
    ],
  });
}

function pinned(pods: readonly string[], over: Partial<Finding> = {}): Finding {
  return { id: `load-pinned/${APP}`, kind: 'load-pinned', title: 'Load is pinned to the 5 pods from before the scale-up 15m ago (5 → 10)', layer: 'network/routing', severity: 'warning', confidence: 'medium', evidence: [], likelyCause: '', nextAction: '', confirmCommands: [], affected: { pods: [...pods] }, ...over };
}

describe('a scale-up the mechanism dates as what exposed it', () => {
  it('is the since, by the HPA, and offers no scale-back', () => {
    const ev = scaledOutScenario(true);
    const m = pinned(ev.pods.slice(0, 5).map((p) => p.name), { exposedByScaleUp: { at: minutesAgo(15), from: 5, to: 10 } });
    const t = findTrigger(ev, m, compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'scale-up', text: expect.stringMatching(/^HPA .* scaled it up from 5 to 10 15m ago/) });
    expect(t).not.toHaveProperty('back');
  });

  it('is the since when done by hand, and offers no scale-back', () => {
    const ev = scaledOutScenario(false);
    const m = pinned(ev.pods.slice(0, 5).map((p) => p.name), { exposedByScaleUp: { at: minutesAgo(15), from: 5, to: 10 } });
    const t = findTrigger(ev, m, compareFailingHealthy(ev));
    expect(t).toMatchObject({ kind: 'scale-up', text: 'the workload was scaled up from 5 to 10 15m ago (not by a rollout)' });
    expect(t).not.toHaveProperty('back');
  });

  it('is the since from the finding\'s own dating when the events have expired', () => {
    const ev = scaledOutScenario(false);
    ev.events = [];
    const m = pinned(ev.pods.slice(0, 5).map((p) => p.name), { exposedByScaleUp: { at: minutesAgo(15), from: 5, to: 10 } });
    expect(findTrigger(ev, m, compareFailingHealthy(ev))).toMatchObject({ kind: 'scale-up', text: 'the workload was scaled up from 5 to 10 15m ago' });
  });
});
