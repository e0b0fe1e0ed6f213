import { describe, expect, it } from 'vitest';
import { findHpaMaxChange } from '../../../src/domain/triage/hpa-max-change.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, baseEvidence, event, hpa, minutesAgo } from './scenarios/builders.js';

/** An HPA pinned at a maximum of 6 that a sync lowered 40 minutes ago, from 14 running replicas. */
function lowered(manager = 'argocd-application-controller') {
  const ev = baseEvidence();
  ev.hpas = [hpa({
    maxReplicas: 6, currentReplicas: 6, desiredReplicas: 6,
    metrics: [{ name: 'cpu', current: '150%', target: '60%' }],
    conditions: [{ type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }],
    maxReplicasOwners: [{ manager, operation: 'Update', at: minutesAgo(40.2) }],
  })];
  ev.events = [
    ...ev.events.filter((e) => e.object.kind !== 'HorizontalPodAutoscaler'),
    event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: Current number of replicas above Spec.MaxReplicas', firstSeen: minutesAgo(40), lastSeen: minutesAgo(40), source: 'horizontal-pod-autoscaler' }),
    event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${APP}-7c9d8f6b5d from 14 to 6`, firstSeen: minutesAgo(40), lastSeen: minutesAgo(40), source: 'deployment-controller' }),
  ];
  return ev;
}

describe('findHpaMaxChange', () => {
  it('reads a scale down to the maximum as the maximum lowered, with who wrote it and how many ran before', () => {
    const ev = lowered();
    const c = findHpaMaxChange(ev, ev.hpas[0]!);
    expect(c).toMatchObject({ lowered: true, from: 14, manager: 'argocd-application-controller', tool: 'Argo CD', at: minutesAgo(40) });
    expect(c?.text).toBe(`HPA ${APP}'s maxReplicas was lowered to 6 40m ago (argocd-application-controller: an Argo CD sync; ${APP} ran 14 replicas)`);
  });

  it('finds nothing on an HPA whose maximum nobody touched lately', () => {
    const ev = lowered();
    ev.events = [];
    ev.hpas = [{ ...ev.hpas[0]!, maxReplicasOwners: [{ manager: 'helm', operation: 'Update', at: '2026-09-01T00:00:00Z' }] }];
    expect(findHpaMaxChange(ev, ev.hpas[0]!)).toBeUndefined();
  });
});

describe('the verdict on an HPA pinned at a lowered maximum', () => {
  it('names the lowering as the trigger and restores the maximum where the sync applies it from', () => {
    const report = buildTriageReport(lowered(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since HPA payment-service's maxReplicas was lowered to 6 40m ago \(argocd-application-controller: an Argo CD sync; payment-service ran 14 replicas\): HPA payment-service at its maximum/);
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline).toMatch(/Restore HPA payment-service's maxReplicas \(it ran 14 replicas before\) in the source Argo CD syncs from/);
  });

  it('keeps advising a higher maximum when nothing lowered it', () => {
    const ev = lowered('kubectl-edit');
    ev.events = ev.events.filter((e) => e.reason !== 'SuccessfulRescale');
    ev.hpas = [{ ...ev.hpas[0]!, maxReplicasOwners: [] }];
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/lowered/);
    expect(report.headline).toMatch(/Raise maxReplicas/);
  });
});
