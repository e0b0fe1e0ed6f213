import { describe, expect, it } from 'vitest';
import type { HpaEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, event, hpa, minutesAgo, podName, REV6 } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const times = { startedAt: NOW, finishedAt: NOW };

function ambiguous(names: string[]): HpaEvidence['conditions'] {
  const message = `pods by selector app=${APP} are controlled by multiple HPAs: [${names.map((n) => `${NS}/${n}`).join(' ')}]`;
  return [
    { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale", lastTransitionTime: minutesAgo(95) },
    { type: 'ScalingActive', status: 'False', reason: 'AmbiguousSelector', message, lastTransitionTime: minutesAgo(95) },
  ];
}

/** Two HPAs on the same Deployment (the second added by a chart 96 minutes ago), under load. */
function twoHpas(): TriageEvidence {
  const ev = healthyScenario();
  const names = [APP, `${APP}-autoscaling`];
  ev.hpas = [
    hpa({ metrics: [{ name: 'cpu', target: '70%' }], conditions: ambiguous(names), createdAt: minutesAgo(40 * 24 * 60) }),
    hpa({ name: names[1], minReplicas: 2, maxReplicas: 8, metrics: [{ name: 'cpu', target: '80%' }], conditions: ambiguous(names), createdAt: minutesAgo(96), managedBy: 'Helm release platform-defaults' }),
  ];
  ev.events.push(...[1, 2].map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.12:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 12, firstSeen: minutesAgo(15), lastSeen: minutesAgo(1) })));
  return ev;
}

describe('two HPAs that scale the same pods (AmbiguousSelector)', () => {
  it('names both, says which is newer and to delete it, and never blames the metrics pipeline', () => {
    const r = buildTriageReport(twoHpas(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toContain(`Two HPAs, ${APP}-autoscaling and ${APP}, target Deployment ${APP}, so the HPA controller scales it with neither (ScalingActive=False, AmbiguousSelector)`);
    expect(r.headline).toContain(`${APP}-autoscaling, from Helm release platform-defaults, is the newer (created 1h 36m ago; ${APP} 40d ago)`);
    expect(r.headline).toContain(`Delete the newer HPA, ${APP}-autoscaling`);
    expect(JSON.stringify(r)).not.toMatch(/metrics-server|metrics API|restore the metrics/i);
  });

  it('names the HPA of another workload whose selector matches the same pods', () => {
    const ev = twoHpas();
    ev.hpas = [hpa({ conditions: ambiguous([APP, 'fraud-service']) })];
    const r = buildTriageReport(ev, times);
    expect(r.headline).toContain(`HPA ${APP} cannot scale Deployment ${APP}: fraud-service also claims its pods (ScalingActive=False, AmbiguousSelector)`);
    expect(r.headline).not.toMatch(/metrics-server|metrics API/i);
  });
});
