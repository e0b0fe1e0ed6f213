import { describe, expect, it } from 'vitest';
import { analyzeHpaLostTarget } from '../../../../src/domain/triage/analyzers/hpa-lost-target.js';
import type { StrayHpaEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, hpa, minutesAgo, pod, workload } from '../scenarios/builders.js';

/** HPA "payment" still aimed at Deployment payment-v2, deleted when it was renamed payment-service. */
function stray(over: Partial<StrayHpaEvidence> = {}): StrayHpaEvidence {
  return { name: 'payment', targetKind: 'Deployment', targetName: 'payment-v2', minReplicas: 3, maxReplicas: 20, message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "payment-v2" not found', since: minutesAgo(2 * 24 * 60), ...over };
}

/** Three replicas, one unready, no HPA of its own. */
function scenario(over: Partial<TriageEvidence> = {}): TriageEvidence {
  return baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i, { ready: i !== 1 })),
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3 }),
    hpas: [],
    strayHpas: [stray()],
    ...over,
  });
}

describe('an HPA left on a renamed workload\'s old name', () => {
  it('says nothing scales the workload, naming the HPA, its missing target and FailedGetScale', () => {
    const [f] = analyzeHpaLostTarget(scenario());
    expect(f?.title).toContain('HPA payment scales Deployment payment-v2, which does not exist (FailedGetScale');
    expect(f?.title).toContain('nothing autoscales payment-service, held at 3 replicas');
    expect(f?.decisive).toContain('"payment-v2" not found');
    expect(f?.nextAction).toContain('scaleTargetRef');
  });

  it('leads the report over the saturated replicas\' readiness failures', () => {
    const ev = scenario();
    const report = buildTriageReport(ev, { startedAt: ev.collectedAt, finishedAt: ev.collectedAt });
    expect(report.headline).toMatch(/HPA payment[^\n]*payment-v2/);
  });

  it('stays silent when every replica is ready, when an HPA targets the workload, or when the stray HPA is another workload\'s', () => {
    expect(analyzeHpaLostTarget(scenario({ workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }) }))).toEqual([]);
    expect(analyzeHpaLostTarget(scenario({ hpas: [hpa()] }))).toEqual([]);
    expect(analyzeHpaLostTarget(scenario({ strayHpas: [stray({ name: 'reports', targetName: 'reports-worker' })] }))).toEqual([]);
    expect(analyzeHpaLostTarget(scenario({ strayHpas: [stray({ targetKind: 'StatefulSet' })] }))).toEqual([]);
  });
});
