import { describe, expect, it } from 'vitest';
import { analyzeHpaScaleUpLimit } from '../../../../src/domain/triage/analyzers/hpa-scale-up-limit.js';
import type { HpaEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, baseEvidence, hpa, minutesAgo, pod } from '../scenarios/builders.js';

const RATE_LIMITED = 'the desired replica count is increasing faster than the maximum scale rate';

/** CPU at 310% of request (target 60%) on 6 replicas; ScalingLimited=True (ScaleUpLimit) for `limitedFor` minutes. */
function limitedHpa(over: Partial<HpaEvidence> = {}, limitedFor = 13): HpaEvidence {
  return hpa({
    minReplicas: 4,
    maxReplicas: 40,
    currentReplicas: 6,
    desiredReplicas: 6,
    metrics: [{ name: 'cpu', current: '310%', target: '60%' }],
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
      { type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit', message: RATE_LIMITED, lastTransitionTime: minutesAgo(limitedFor) },
    ],
    scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }], selectPolicy: 'Max', stabilizationWindowSeconds: 0 },
    ...over,
  });
}

function scenario(h: HpaEvidence): TriageEvidence {
  return baseEvidence({ pods: [0, 1, 2, 3, 4, 5].map((i) => pod(i, { ready: i % 3 === 1 })), hpas: [h] });
}

describe('analyzeHpaScaleUpLimit', () => {
  it('names the scale-up policy that holds the HPA back, the replicas the load calls for and how long the policy takes to get there', () => {
    const [f, ...rest] = analyzeHpaScaleUpLimit(scenario(limitedHpa()));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('hpa-scale-up-limit');
    expect(f?.title).toBe(`HPA ${APP} cannot scale up fast enough: its scale-up policy allows 1 pod per 300s while cpu 310% (target 60%) calls for about 31 replicas (max 40) and it has 6; ScalingLimited=True (ScaleUpLimit) for 13m; ~2h 5m to reach 31 at this rate`);
    expect(f?.decisive).toBe(RATE_LIMITED);
    expect(f?.confidence).toBe('high');
    expect(f?.affected?.pods).toHaveLength(6);
    expect(f?.fix).toBe('scale up by hand to 31 now, then relax the HPA\'s scale-up policy (spec.behavior.scaleUp)');
    expect(f?.nextAction).toContain(`kubectl scale deployment/${APP} --replicas=31`);
    expect(`${f?.title ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/maxReplicas (reached|hit)|at (its )?maxReplicas|roll ?back/i);
  });

  it('caps the count at maxReplicas and says when the policies take the least of several', () => {
    const [f] = analyzeHpaScaleUpLimit(scenario(limitedHpa({ maxReplicas: 12, scaleUp: { policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }, { type: 'Pods', value: 4, periodSeconds: 60 }], selectPolicy: 'Min' } })));
    expect(f?.title).toMatch(/allows the least of 10% per 60s, 4 pods per 60s while cpu 310% \(target 60%\) calls for its maximum of 12 and it has 6;/);
    expect(f?.title).toMatch(/~6m to reach 12 at this rate$/);
  });

  it('says nothing while the default rate is still catching up, when load is back under target, or when the HPA is at its maximum', () => {
    expect(analyzeHpaScaleUpLimit(scenario(limitedHpa({ scaleUp: undefined }, 0.5)))).toEqual([]);
    expect(analyzeHpaScaleUpLimit(scenario(limitedHpa({ metrics: [{ name: 'cpu', current: '55%', target: '60%' }] })))).toEqual([]);
    expect(analyzeHpaScaleUpLimit(scenario(limitedHpa({ currentReplicas: 40, maxReplicas: 40 })))).toEqual([]);
    const notLimited = limitedHpa();
    notLimited.conditions = notLimited.conditions.map((c) => (c.type === 'ScalingLimited' ? { ...c, status: 'False', reason: 'DesiredWithinRange' } : c));
    expect(analyzeHpaScaleUpLimit(scenario(notLimited))).toEqual([]);
  });

  it('is the verdict over the saturated replicas\' timeouts, naming no node or zone they happen to share', () => {
    const ev = scenario(limitedHpa());
    const report = buildTriageReport(ev, { startedAt: ev.collectedAt, finishedAt: ev.collectedAt });
    expect(report.headline).toMatch(new RegExp(`^HPA ${APP} cannot scale up fast enough: its scale-up policy allows 1 pod per 300s`));
    expect(report.headline).not.toMatch(/all on (node|zone)/);
    expect(report.headline).toMatch(/Scale up by hand to 31 now/);
  });

  it('names scale-up switched off (selectPolicy Disabled) and the fix, not a slow rate, with or without the ScaleUpLimit condition', () => {
    const frozen = limitedHpa({ minReplicas: 3, maxReplicas: 18, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'cpu', current: '191%', target: '70%' }], scaleUp: { policies: [{ type: 'Percent', value: 100, periodSeconds: 30 }], selectPolicy: 'Disabled', stabilizationWindowSeconds: 0 } }, 38);
    const [f] = analyzeHpaScaleUpLimit(scenario(frozen));
    expect(f?.title).toBe(`HPA ${APP} cannot scale up: its scaleUp policy is Disabled (selectPolicy: Disabled) while cpu 191% (target 70%) calls for about 9 replicas (max 18); it stays at 3 replicas (limited for 38m)`);
    expect(f?.fix).toBe(`set spec.behavior.scaleUp.selectPolicy of HPA ${APP} back to Max (or remove the scaleUp override)`);
    expect(f?.likelyCause).not.toMatch(/rose faster/);
    const quiet = { ...frozen, conditions: frozen.conditions.filter((c) => c.type !== 'ScalingLimited') };
    expect(analyzeHpaScaleUpLimit(scenario(quiet))[0]?.title).toMatch(/its scaleUp policy is Disabled .* it stays at 3 replicas$/);
    expect(analyzeHpaScaleUpLimit(scenario({ ...quiet, metrics: [{ name: 'cpu', current: '40%', target: '70%' }] }))).toEqual([]);
  });
});
