import { describe, expect, it } from 'vitest';
import { analyzeUnansweredScheduler } from '../../../../src/domain/triage/analyzers/scheduler-unanswered.js';
import type { PodEvidence, PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, workload } from '../scenarios/builders.js';

const CUSTOM = 'binpack-scheduler';

/** A pod no scheduler has looked at: Pending, on no node, not even a PodScheduled condition. */
function unanswered(i: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(i, {
    revisionHash: REV7.hash,
    nodeName: undefined,
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(26),
    startTime: undefined,
    containers: [container({ state: undefined, ready: false })],
    conditions: [],
    schedulerName: CUSTOM,
    ...over,
  });
}

function template(schedulerName?: string): PodTemplateEvidence {
  return { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(schedulerName ? { schedulerName } : {}) };
}

/** Three pods of revision 6 serve; revision 7 (26m ago) names `CUSTOM` and its two pods wait. */
function scenario(pending: PodEvidence[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const serving = [0, 1, 2].map((i) => pod(i, { schedulerName: 'default-scheduler' }));
  return baseEvidence({
    pods: [...serving, ...pending],
    hpas: [],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template() }),
      revision(REV7, minutesAgo(26), { replicas: 2, containers: [revisionContainer({ image: 'registry/payment-service:2.15.0' })], template: template(CUSTOM) }),
    ],
    workload: workload({ specReplicas: 4, replicas: 5, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, currentRevision: 7 }),
    ...over,
  });
}

describe('analyzeUnansweredScheduler', () => {
  it('names the scheduler that Pending pods ask for when nothing ever answered them', () => {
    const [f, ...rest] = analyzeUnansweredScheduler(scenario([unanswered(0), unanswered(1)]));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('placement');
    expect(f?.title).toMatch(/2 pods Pending 26m/);
    expect(f?.title).toMatch(/schedulerName binpack-scheduler/);
    expect(f?.title).toMatch(/no scheduler picks them up/);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence.join('\n')).toMatch(/no PodScheduled condition/);
    expect(f?.evidence.join('\n')).toMatch(/no scheduling event/);
    expect(f?.fix).toMatch(/remove schedulerName/);
    expect(f?.nextAction).toMatch(/default-scheduler/);
    expect(f?.affected?.pods).toEqual([podName(REV7.hash, 0), podName(REV7.hash, 1)]);
  });

  it('stays silent when the scheduler did answer: a PodScheduled condition, or a scheduling event', () => {
    const refused = unanswered(0, { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.', lastTransitionTime: minutesAgo(25) }] });
    expect(analyzeUnansweredScheduler(scenario([refused]))).toEqual([]);
    const told = event({ object: { kind: 'Pod', name: podName(REV7.hash, 0), namespace: NS }, reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu.', source: CUSTOM });
    expect(analyzeUnansweredScheduler(scenario([unanswered(0)], { events: [told] }))).toEqual([]);
  });

  it('leaves pods of the default scheduler, and pods only just created, to others', () => {
    expect(analyzeUnansweredScheduler(scenario([unanswered(0, { schedulerName: 'default-scheduler' })]))).toEqual([]);
    expect(analyzeUnansweredScheduler(scenario([unanswered(0, { schedulerName: undefined })]))).toEqual([]);
    expect(analyzeUnansweredScheduler(scenario([unanswered(0, { createdAt: '2026-11-21T03:13:40Z' })]))).toEqual([]);
  });

  it('lowers its confidence and says so when the events could not be read', () => {
    const ev = scenario([unanswered(0)], { readFailures: [{ what: `events in ${NS}`, source: 'events', reason: 'forbidden', detail: 'events is forbidden' }] });
    const [f] = analyzeUnansweredScheduler(ev);
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence.join('\n')).toMatch(/events could not be read/);
  });

  it('makes the revision that named the scheduler the trigger of the verdict, with a rollback', () => {
    const report = buildTriageReport(scenario([unanswered(0), unanswered(1)]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(26m ago: schedulerName: default-scheduler → binpack-scheduler\): 2 pods Pending 26m/);
    expect(report.headline).toMatch(/Roll back to revision 6/);
  });
});

describe('analyzeUnansweredScheduler: a scheduler that stopped', () => {
  it('clears a revision that did not change schedulerName, and says the scheduler placed pods before', () => {
    const serving = [0, 1, 2].map((i) => pod(i, { schedulerName: CUSTOM }));
    const ev = scenario([unanswered(0), unanswered(1)], {
      pods: [...serving, unanswered(0), unanswered(1)],
      revisions: [
        revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template(CUSTOM) }),
        revision(REV7, minutesAgo(26), { replicas: 2, containers: [revisionContainer({ image: 'registry/payment-service:2.15.0' })], template: template(CUSTOM) }),
      ],
    });
    const [f] = analyzeUnansweredScheduler(ev);
    expect(f?.likelyCause).toMatch(/placed pods earlier/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/revision 7 \(26m ago\) is not the cause: it did not change schedulerName/);
    expect(report.headline).not.toMatch(/Roll back/);
  });
});
