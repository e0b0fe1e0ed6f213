import { describe, expect, it } from 'vitest';
import type { JobEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_B, NOW, container, event, minutesAgo, node, pod, running, terminated } from './scenarios/builders.js';
import { cronJob } from './scenarios/cron-jobs.js';

const NAME = 'embed-backfill';

function indexed(over: Partial<JobEvidence> = {}): JobEvidence {
  return { name: NAME, createdAt: minutesAgo(160), startTime: minutesAgo(160), active: 3, succeeded: 4, failed: 0, backoffLimit: 3, completions: 8, completionMode: 'Indexed', completedIndexes: '0-3', conditions: [], ...over };
}

function attempt(index: number, phase: PodEvidence['phase'], suffix: string, over: Partial<PodEvidence> = {}): PodEvidence {
  const state = phase === 'Running' ? running(40) : terminated(0, 'Completed', 60);
  return pod(index, { name: `${NAME}-${index}-${suffix}`, jobName: NAME, completionIndex: index, phase, ready: phase === 'Running', revisionHash: undefined, containers: [container({ name: 'embed', ports: [], probes: {}, ready: phase === 'Running', state })], ...over });
}

/** Indexes 0-3 done, 4-6 running; index 6's pod is being evicted from a cordoned node, index 4's first pod was preempted. */
function disrupted(job: JobEvidence): TriageEvidence {
  const ev = cronJob(NAME, { cron: '0 1 * * *', suspended: false }, [job]);
  const draining = attempt(6, 'Running', 'drn', { nodeName: NODE_B, deletionTimestamp: minutesAgo(2), conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: minutesAgo(2) }] });
  const pods = [...[0, 1, 2, 3].map((i) => attempt(i, 'Succeeded', `ok${i}`)), attempt(4, 'Running', 'again'), attempt(5, 'Running', 'run5'), draining];
  const preempted = event({ object: { kind: 'Pod', name: `${NAME}-4-first`, namespace: ev.target.namespace }, type: 'Normal', reason: 'Preempted', message: 'Preempted by pod 1f2e3d4c-0000-4000-8000-000000000001 on node x', firstSeen: minutesAgo(51), lastSeen: minutesAgo(51), source: 'default-scheduler' });
  return { ...ev, target: { ...ev.target, kind: 'Job' }, workload: ev.workload && { ...ev.workload, kind: 'Job', schedule: undefined }, pods, events: [...ev.events, preempted], nodes: [...ev.nodes.filter((n) => n.name !== NODE_B), node(NODE_B, { unschedulable: true })], logs: [], collectedAt: NOW };
}

describe('a healthy Job tells the disruptions its events show', () => {
  it('says they are replaced and not counted when its podFailurePolicy ignores DisruptionTarget', () => {
    const job = indexed({ podFailureRules: [{ action: 'Ignore', onPodConditions: ['DisruptionTarget'] }, { action: 'FailJob', onExitCodes: 'embed In (42)' }] });
    const report = buildTriageReport(disrupted(job), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(report.headline).toMatch(/looks healthy: .*; 2 pods disrupted \(1 evicted by a node drain, 1 preempted\), replaced by the Job, not counted against backoffLimit: its podFailurePolicy ignores DisruptionTarget; no warning events in the last hour\.$/);
  });

  it('says they count against backoffLimit when no rule ignores them', () => {
    const report = buildTriageReport(disrupted(indexed()), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/2 pods disrupted \(.*\), replaced by the Job, each counted against backoffLimit 3 \(no podFailurePolicy ignores DisruptionTarget\)/);
  });
});

describe('a disrupted pod still terminating', () => {
  it('is to be replaced, not replaced yet', () => {
    const ev = disrupted(indexed({ podFailureRules: [{ action: 'Ignore', onPodConditions: ['DisruptionTarget'] }] }));
    ev.events = ev.events.filter((e) => e.reason !== 'Preempted');
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/; 1 pod disrupted \(1 evicted by a node drain\), to be replaced by the Job, not counted against backoffLimit/);
  });
});
