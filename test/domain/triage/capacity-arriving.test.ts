// Pods Pending for want of room minutes after the cluster autoscaler triggered a scale-up, with
// new nodes joining: capacity on its way, said as context (info), never "add nodes". A wait past
// what a scale-up takes, or a refusal after the trigger, stays a problem.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../src/domain/triage/analyzers/failed-scheduling.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, event, minutesAgo, node, pod, unscheduledPod, workload } from './scenarios/builders.js';

const FULL = "0/5 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 4 Insufficient cpu. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.";
const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

function scalingOut(pendingFor: number, extra: (pending: PodEvidence[]) => ReturnType<typeof event>[] = () => []) {
  const pending = [3, 4].map((i) => unscheduledPod(i, FULL, pendingFor));
  const events = [
    ...pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: FULL, count: 3, firstSeen: minutesAgo(pendingFor), lastSeen: minutesAgo(0.5), source: 'default-scheduler' })),
    ...pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{batch-pool 4->5 (max: 20)}]', count: 1, firstSeen: minutesAgo(pendingFor - 0.5), lastSeen: minutesAgo(pendingFor - 0.5), source: 'cluster-autoscaler' })),
    ...extra(pending),
  ];
  const nodes = [...['a', 'b', 'c', 'd'].map((n) => node(`node-${n}`, { createdAt: minutesAgo(30 * 24 * 60) })), node('node-new', { createdAt: minutesAgo(1), taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] })];
  return baseEvidence({ pods: [pod(0), pod(1), pod(2), ...pending], events, clusterNodes: nodes, workload: workload({ specReplicas: 5, replicas: 5, readyReplicas: 3, availableReplicas: 3 }) });
}

describe('pods waiting for a scale-up the autoscaler just triggered', () => {
  it('says the room is on its way, as context, and never advises adding nodes', () => {
    const [f] = analyzeFailedScheduling(scalingOut(3));
    expect(f?.severity).toBe('info');
    expect(f?.title).toBe('2 pods waiting for room while the cluster autoscaler triggered a scale-up (4 → 5 nodes) 2m ago; 1 new node joined since, 1 Ready');
    expect(f?.nextAction).toMatch(/^Nothing to fix/);
    expect(`${f?.title}\n${f?.likelyCause}\n${f?.nextAction}`).not.toMatch(/(add|increase|raise)[^\n]*(nodes?|capacity|cpu)|quota/i);
  });

  it('keeps a Job that is scaling out healthy and tells the wait in the headline', () => {
    const base = scalingOut(3);
    const job = { name: 'backfill', createdAt: minutesAgo(3.5), startTime: minutesAgo(3.5), active: 5, succeeded: 0, failed: 0, backoffLimit: 6, conditions: [] };
    const ev = {
      ...base,
      target: { ...base.target, service: 'backfill', kind: 'Job' as const, name: 'backfill' },
      workload: workload({ kind: 'Job', name: 'backfill', specReplicas: 5, replicas: 5, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 0, createdAt: job.createdAt }),
      jobs: [job], services: [], endpointSlices: [], hpas: [], revisions: [],
    };
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toContain('Meanwhile: 2 pods waiting for room while the cluster autoscaler triggered a scale-up');
    expect(r.headline).not.toMatch(/no warning events/);
  });

  it('stays a problem when the pods have waited longer than a scale-up takes', () => {
    const [f] = analyzeFailedScheduling(scalingOut(25));
    expect(f?.severity).not.toBe('info');
    expect(f?.title).toMatch(/^2 pods Pending, 0\/5 nodes available/);
  });

  it('stays a problem when the autoscaler refuses after the trigger', () => {
    const refused = (pending: PodEvidence[]) => pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 1 max node group size reached", count: 2, firstSeen: minutesAgo(1), lastSeen: minutesAgo(0.2), source: 'cluster-autoscaler' }));
    const [f] = analyzeFailedScheduling(scalingOut(3, refused));
    expect(f?.severity).not.toBe('info');
  });
});
