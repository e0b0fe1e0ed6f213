import { describe, expect, it } from 'vitest';
import type { JobEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findRestartsInPlace } from '../../../src/domain/triage/job-restarts-in-place.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, crashLooping, minutesAgo, pod, terminated } from './scenarios/builders.js';
import { cronJob } from './scenarios/cron-jobs.js';

const NAME = 'ledger-export';
const POD = `${NAME}-q7xkz`;
const ERROR = 'psycopg.errors.UndefinedTable: relation "ledger_entries_v2" does not exist';

/** A Job started 5h 12m ago whose one pod's container has crashed 57 times in place. */
function onFailureJob(over: Partial<JobEvidence> = {}): JobEvidence {
  return { name: NAME, createdAt: minutesAgo(312), startTime: minutesAgo(312), active: 1, succeeded: 0, failed: 0, backoffLimit: 4, completions: 1, restartPolicy: 'OnFailure', conditions: [], ...over };
}

function crashingPod(restarts = 57): PodEvidence {
  const c = crashLooping(POD, terminated(1, 'Error', 3, { runSeconds: 4 }), restarts, { name: 'export', ports: [], probes: {} });
  return pod(0, { name: POD, jobName: NAME, ready: false, revisionHash: undefined, containers: [c] });
}

function jobTarget(job: JobEvidence, pods: PodEvidence[]): TriageEvidence {
  const ev = cronJob(NAME, { cron: '0 1 * * *', suspended: false }, [job]);
  const logs = [{ pod: POD, container: 'export', previous: true, lines: ['Traceback (most recent call last):', ERROR] }];
  return { ...ev, target: { ...ev.target, kind: 'Job' }, workload: ev.workload && { ...ev.workload, kind: 'Job', schedule: undefined }, pods, logs, collectedAt: NOW };
}

describe('a Job whose container crash-loops in place under restartPolicy OnFailure', () => {
  it('says why the Job stays active: restarts in the same pod, failed 0 of its backoffLimit, no deadline', () => {
    const found = findRestartsInPlace(jobTarget(onFailureJob(), [crashingPod()]));
    expect(found?.text).toBe('the Job has been active 5h 12m: under restartPolicy OnFailure export restarts in the same pod (57 restarts), and the Job shows failed 0 (backoffLimit 4) and no activeDeadlineSeconds');
    expect(found?.advice).toMatch(/restartPolicy Never or an activeDeadlineSeconds/);
  });

  it('puts it in the verdict after the crash, with the advice after the fix', () => {
    const report = buildTriageReport(jobTarget(onFailureJob(), [crashingPod()]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/exit.*code 1/i);
    expect(report.headline).toMatch(/restartPolicy OnFailure export restarts in the same pod \(57 restarts\)/);
    expect(report.diagnosis?.action).toMatch(/restartPolicy Never or an activeDeadlineSeconds/);
    expect(report.headline).not.toMatch(/reached (the |its )?backoff ?limit|BackoffLimitExceeded/i);
  });

  it('names the deadline the Job has rather than advising one', () => {
    const found = findRestartsInPlace(jobTarget(onFailureJob({ activeDeadlineSeconds: 86_400 }), [crashingPod()]));
    expect(found?.text).toMatch(/activeDeadlineSeconds 86400 \(1d\)$/);
    expect(found?.advice).not.toMatch(/activeDeadlineSeconds/);
  });

  it('names the run of a CronJob that crash-loops in place', () => {
    const ev = jobTarget(onFailureJob(), [crashingPod()]);
    const found = findRestartsInPlace({ ...ev, target: { ...ev.target, kind: 'CronJob', name: 'ledger' } });
    expect(found?.text).toMatch(/^Job ledger-export has been active 5h 12m/);
  });

  it('says nothing under restartPolicy Never, once the Job has ended, or when nothing restarts', () => {
    expect(findRestartsInPlace(jobTarget(onFailureJob({ restartPolicy: 'Never' }), [crashingPod()]))).toBeUndefined();
    expect(findRestartsInPlace(jobTarget(onFailureJob({ active: 0, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] }), [crashingPod()]))).toBeUndefined();
    expect(findRestartsInPlace(jobTarget(onFailureJob(), [pod(0, { name: POD, jobName: NAME, revisionHash: undefined })]))).toBeUndefined();
  });
});
