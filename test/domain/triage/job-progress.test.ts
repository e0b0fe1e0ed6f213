import { describe, expect, it } from 'vitest';
import type { JobEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { describeJobProgress } from '../../../src/domain/triage/job-progress.js';
import { dropSupersededRuns } from '../../../src/domain/triage/superseded-runs.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, container, minutesAgo, pod, running, terminated } from './scenarios/builders.js';
import { cronJob } from './scenarios/cron-jobs.js';

const NAME = 'shard-rebuild';
const LIMIT = 'psycopg.OperationalError: consuming input failed: server closed the connection unexpectedly';

/** An Indexed Job of 8 indexes, 4 at a time: 0-3 done, 4-7 running, index 2 failed once before its retry. */
function indexed(over: Partial<JobEvidence> = {}): JobEvidence {
  return { name: NAME, createdAt: minutesAgo(90), startTime: minutesAgo(90), active: 4, succeeded: 4, failed: 1, backoffLimit: 6, completions: 8, completionMode: 'Indexed', completedIndexes: '0-3', conditions: [], ...over };
}

function attempt(index: number, phase: PodEvidence['phase'], suffix: string): PodEvidence {
  const state = phase === 'Running' ? running(20) : terminated(phase === 'Failed' ? 1 : 0, phase === 'Failed' ? 'Error' : 'Completed', 40);
  return pod(index, { name: `${NAME}-${index}-${suffix}`, jobName: NAME, completionIndex: index, phase, ready: phase === 'Running', revisionHash: undefined, containers: [container({ name: 'rebuild', ports: [], probes: {}, ready: phase === 'Running', state })] });
}

function jobTarget(job: JobEvidence, pods: PodEvidence[]): TriageEvidence {
  const ev = cronJob(NAME, { cron: '0 1 * * *', suspended: false }, [job]);
  const logs = pods.filter((p) => p.phase === 'Failed').map((p) => ({ pod: p.name, container: 'rebuild', previous: false, lines: ['ERROR rebuild: shard aborted', LIMIT] }));
  return { ...ev, target: { ...ev.target, kind: 'Job' }, workload: ev.workload && { ...ev.workload, kind: 'Job', schedule: undefined }, pods, logs, collectedAt: NOW };
}

const done = [0, 1, 2, 3].map((i) => attempt(i, 'Succeeded', `ok${i}`));
const runningNow = [4, 5, 6, 7].map((i) => attempt(i, 'Running', `run${i}`));

describe('an Indexed Job whose failed index was retried and completed', () => {
  it('leaves the failed attempt out once its index has completed', () => {
    const ev = jobTarget(indexed(), [...done, attempt(2, 'Failed', 'bad'), ...runningNow]);
    expect(dropSupersededRuns(ev).pods.map((p) => p.name)).not.toContain(`${NAME}-2-bad`);
  });

  it('keeps the failed attempt of an index that has not completed', () => {
    const ev = jobTarget(indexed({ completedIndexes: '0-1,3', succeeded: 3 }), [...done.filter((p) => p.completionIndex !== 2), attempt(2, 'Failed', 'bad'), ...runningNow]);
    expect(dropSupersededRuns(ev).pods.map((p) => p.name)).toContain(`${NAME}-2-bad`);
  });

  it('takes an index as completed when a later pod of it Succeeded, even if the status lists none', () => {
    const ev = jobTarget(indexed({ completedIndexes: undefined }), [...done, attempt(2, 'Failed', 'bad'), ...runningNow]);
    expect(dropSupersededRuns(ev).pods.map((p) => p.name)).not.toContain(`${NAME}-2-bad`);
  });

  it('keeps them all when the Job has failed', () => {
    const failed = indexed({ active: 0, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] });
    const ev = jobTarget(failed, [...done, attempt(2, 'Failed', 'bad')]);
    expect(dropSupersededRuns(ev).pods.map((p) => p.name)).toContain(`${NAME}-2-bad`);
  });

  it('calls it healthy and says how far it has come', () => {
    const report = buildTriageReport(jobTarget(indexed(), [...done, attempt(2, 'Failed', 'bad'), ...runningNow]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(report.headline).toMatch(/4 of 8 indexes done \(0-3\), 4 running; 1 failed attempt retried \(backoffLimit 6\)/);
  });
});

describe('describeJobProgress', () => {
  it('counts completions of a NonIndexed Job and says nothing of one that is not running', () => {
    expect(describeJobProgress({ name: 'x', active: 2, succeeded: 3, failed: 0, completions: 10, conditions: [] })).toBe('3 of 10 completions done, 2 running');
    expect(describeJobProgress({ name: 'x', active: 0, succeeded: 10, failed: 0, completions: 10, conditions: [] })).toBeUndefined();
  });
});
