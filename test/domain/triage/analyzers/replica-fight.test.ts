import { describe, expect, it } from 'vitest';
import { analyzeReplicaFight } from '../../../../src/domain/triage/analyzers/replica-fight.js';
import type { EventEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, REV6, baseEvidence, event, hpa, minutesAgo, workload } from '../scenarios/builders.js';

const RS = `${APP}-${REV6.hash}`;

function scaling(dir: 'up' | 'down', from: number, to: number, count: number, firstAgo: number, lastAgo: number): EventEvidence {
  return event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${dir} replica set ${RS} from ${from} to ${to}`, count, firstSeen: minutesAgo(firstAgo), lastSeen: minutesAgo(lastAgo), source: 'deployment-controller' });
}

function rescale(size: number, count: number, reason = 'cpu resource utilization (percentage of request) above target'): EventEvidence {
  return event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: ${reason}`, count, firstSeen: minutesAgo(50), lastSeen: minutesAgo(0.5), source: 'horizontal-pod-autoscaler' });
}

/** The HPA scales 5 → 12 and a GitOps sync sets 5 back, over and over, for 50 minutes. */
function fightScenario(over: { events?: EventEvidence[]; argo?: boolean; argoWroteAgo?: number } = {}): TriageEvidence {
  const argo = over.argo ?? true;
  const owners = [
    ...(argo ? [{ manager: 'argocd-controller', operation: 'Apply', at: minutesAgo(over.argoWroteAgo ?? 0.2) }] : []),
    { manager: 'kube-controller-manager', operation: 'Update', subresource: 'scale', at: minutesAgo(0.5) },
  ].sort((a, b) => b.at.localeCompare(a.at));
  return baseEvidence({
    workload: workload({ specReplicas: 5, replicasOwners: owners, ...(argo ? { gitOps: { tool: 'Argo CD', marker: `annotation argocd.argoproj.io/tracking-id=${APP}:apps/Deployment:${NS}/${APP}` } } : {}) }),
    hpas: [hpa({ currentReplicas: 5, desiredReplicas: 12, maxReplicas: 20, metrics: [{ name: 'cpu', current: '160%', target: '70%' }], lastScaleTime: minutesAgo(0.5) })],
    events: over.events ?? [scaling('up', 5, 12, 40, 50, 0.5), scaling('down', 12, 5, 40, 49.9, 0.2), rescale(12, 40)],
  });
}

describe('analyzeReplicaFight', () => {
  it('names the fight over spec.replicas and the GitOps writer that managedFields show setting it back', () => {
    const [f, ...rest] = analyzeReplicaFight(fightScenario());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('replica-fight');
    expect(f?.title).toBe(`HPA ${APP} and argocd-controller (Argo CD) fight over spec.replicas of ${APP}: scaled from 5 to 12 and back 40 times in 50m; the 5 pods left run at cpu 160% (target 70%)`);
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe('spec.replicas last written by argocd-controller (Apply) 12s ago, after the HPA set 12');
    expect(f?.likelyCause).toMatch(/self-heal re-applies it/);
    expect(f?.nextAction).toMatch(/^Mitigate: turn off self-heal/);
    expect(f?.nextAction).toMatch(/scaling by hand would be undone/);
  });

  it('says "something else" and names no writer when managedFields show none during the fight', () => {
    const [f] = analyzeReplicaFight(fightScenario({ argo: false }));
    expect(f?.title).toMatch(new RegExp(`^HPA ${APP} and something else fight over spec.replicas`));
    expect(f?.confidence).toBe('medium');
    expect(f?.decisive).toBeUndefined();
    expect(`${f?.title ?? ''} ${f?.likelyCause ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/Argo|Flux/);
  });

  it('suspects the GitOps tool that tracks the object, as a suspicion, when its last write predates the fight', () => {
    const [f] = analyzeReplicaFight(fightScenario({ argoWroteAgo: 3 * 24 * 60 }));
    expect(f?.title).toMatch(/and something else fight/);
    expect(f?.likelyCause).toMatch(/^The Deployment is tracked by Argo CD, but managedFields show no write of spec.replicas by it during the fight: if/);
  });

  it('says nothing when the HPA itself scaled back down, when the flip-flop is rare, or when a rollout replaced a ReplicaSet', () => {
    const own = fightScenario({ events: [scaling('up', 5, 12, 40, 50, 0.5), scaling('down', 12, 5, 40, 49.9, 0.2), rescale(12, 40), rescale(5, 39, 'All metrics below target')] });
    expect(analyzeReplicaFight(own)).toEqual([]);
    const rare = fightScenario({ events: [scaling('up', 5, 12, 2, 50, 0.5), scaling('down', 12, 5, 2, 49.9, 0.2), rescale(12, 2)] });
    expect(analyzeReplicaFight(rare)).toEqual([]);
    const rollout = fightScenario({
      events: [
        event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-5f7d9c8b64 from 0 to 5`, count: 5, lastSeen: minutesAgo(3) }),
        event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${RS} from 5 to 0`, count: 5, lastSeen: minutesAgo(2) }),
        rescale(12, 40),
      ],
    });
    expect(analyzeReplicaFight(rollout)).toEqual([]);
  });

  it('turns an all-clear into a verdict that names the fight, with no "no change found" after it', () => {
    const report = buildTriageReport(fightScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^HPA payment-service and argocd-controller \(Argo CD\) fight over spec.replicas/);
    expect(report.headline).not.toMatch(/no change found|roll back/i);
  });
});
