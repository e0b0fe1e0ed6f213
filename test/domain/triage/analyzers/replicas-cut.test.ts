import { describe, expect, it } from 'vitest';
import type { EventEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, REV6, baseEvidence, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const RS = `${APP}-${REV6.hash}`;

function scaled(dir: 'up' | 'down', rs: string, to: number, from: number, ago: number): EventEvidence {
  return event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${dir} replica set ${rs} to ${to} from ${from}`, count: 1, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'deployment-controller' });
}

function readinessFailing(podName: string, count: number, firstAgo: number): EventEvidence {
  return event({ object: { kind: 'Pod', name: podName, namespace: NS, fieldPath: 'spec.containers{app}' }, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.1.2.3:8080/health": context deadline exceeded', count, firstSeen: minutesAgo(firstAgo), lastSeen: minutesAgo(0.5), source: 'kubelet' });
}

/** payment-service cut from 8 to 2 replicas by hand 30 minutes ago; its two pods' probes time out since. */
function cutScenario(over: { events?: EventEvidence[]; hpa?: boolean } = {}): TriageEvidence {
  const pods = [pod(0), pod(1)];
  return baseEvidence({
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(30) }] }),
    pods,
    hpas: over.hpa ? baseEvidence().hpas : [],
    events: over.events ?? [scaled('down', RS, 2, 8, 30), readinessFailing(pods[0]?.name ?? '', 40, 28), readinessFailing(pods[1]?.name ?? '', 35, 27)],
  });
}

describe('a Deployment whose replicas were cut by hand', () => {
  it('is not called healthy: the headline names the cut, who made it, and scaling back', () => {
    const report = buildTriageReport(cutScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/scaled down to 2 from 8 replicas 30m ago by kubectl \(scale subresource\), with no HPA/);
    expect(report.headline).toMatch(/readiness probes 75 times/);
    expect(report.headline).toMatch(/[Ss]cale back to 8/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('says nothing when the pods left carry the load (a deliberate cut)', () => {
    const report = buildTriageReport(cutScenario({ events: [scaled('down', RS, 2, 8, 30)] }), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.map((f) => f.kind)).not.toContain('replicas-cut');
  });

  it('leaves a rollout (a new ReplicaSet scaled up) and an HPA-managed workload to their own findings', () => {
    const rollout = cutScenario({ events: [scaled('up', `${APP}-5f7d9c8b64`, 8, 0, 31), scaled('down', RS, 2, 8, 30), readinessFailing(pod(0).name, 40, 28)] });
    expect(buildTriageReport(rollout, { startedAt: NOW, finishedAt: NOW }).findings.map((f) => f.kind)).not.toContain('replicas-cut');
    expect(buildTriageReport(cutScenario({ hpa: true }), { startedAt: NOW, finishedAt: NOW }).findings.map((f) => f.kind)).not.toContain('replicas-cut');
  });

  it('leaves a cut alone when only the pods being removed fail readiness while they drain', () => {
    const gone = (i: number) => pod(i, { ready: false, deletionTimestamp: new Date(Date.parse(NOW) + 30_000).toISOString() });
    const leaving = [gone(2), gone(3), gone(4), gone(5)];
    const ev = cutScenario({ events: [scaled('down', RS, 2, 6, 0.4), ...leaving.map((p) => readinessFailing(p.name, 1, 0.3))] });
    const report = buildTriageReport({ ...ev, pods: [...ev.pods, ...leaving] }, { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.map((f) => f.kind)).not.toContain('replicas-cut');
  });
});
