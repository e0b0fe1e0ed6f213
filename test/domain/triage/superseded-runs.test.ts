import { describe, expect, it } from 'vitest';
import type { JobEvidence, LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { dropSupersededRuns } from '../../../src/domain/triage/superseded-runs.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, container, minutesAgo, pod, terminated } from './scenarios/builders.js';
import { completed, cronJob, jobName } from './scenarios/cron-jobs.js';

const CRON = 'statement-export';
const DAY = 24 * 60;
// Nightly at 01:00 (NOW is 03:14): last night and the night before completed, three nights ago failed.
const FAILED_AGO = 3 * DAY + 134;

function failedRun(scheduledMinutesAgo: number): JobEvidence {
  const end = minutesAgo(scheduledMinutesAgo - 6);
  return {
    name: jobName(CRON, scheduledMinutesAgo),
    createdAt: minutesAgo(scheduledMinutesAgo),
    startTime: minutesAgo(scheduledMinutesAgo),
    active: 0,
    succeeded: 0,
    failed: 3,
    backoffLimit: 2,
    completions: 1,
    conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: end }],
  };
}

function podOf(job: JobEvidence, i: number, code: number, finishedMinutesAgo: number): PodEvidence {
  return pod(i, {
    name: `${job.name}-${['q2x7d', 'm4k9s', 'z8p3c'][i] ?? 'a1b2c'}`,
    jobName: job.name,
    phase: code === 0 ? 'Succeeded' : 'Failed',
    ready: false,
    revisionHash: undefined,
    labels: { 'batch.kubernetes.io/job-name': job.name, 'job-name': job.name },
    createdAt: minutesAgo(finishedMinutesAgo + 2),
    startTime: minutesAgo(finishedMinutesAgo + 2),
    containers: [container({ name: 'export', ports: [], probes: {}, ready: false, state: terminated(code, code === 0 ? 'Completed' : 'Error', finishedMinutesAgo, { runSeconds: 60 }) })],
  });
}

const TIMEOUT = 'ERROR export: connect to sftp.partner.example:22 timed out (ETIMEDOUT) after 30s';

function withRuns(jobs: JobEvidence[], pods: PodEvidence[]): TriageEvidence {
  const ev = cronJob(CRON, { cron: '0 1 * * *', suspended: false, lastScheduleTime: minutesAgo(134), lastSuccessfulTime: minutesAgo(128) }, jobs);
  const logs: LogEvidence[] = pods.filter((p) => p.phase === 'Failed').map((p) => ({ pod: p.name, container: 'export', previous: false, lines: [TIMEOUT] }));
  return { ...ev, pods, logs, collectedAt: NOW };
}

describe('dropSupersededRuns', () => {
  const failed = failedRun(FAILED_AGO);
  const failedPods = [0, 1, 2].map((i) => podOf(failed, i, 1, FAILED_AGO - 2 * i - 1));
  const newer = [completed(CRON, 134, 6), completed(CRON, DAY + 134, 6)];
  const newerPods = newer.map((j, i) => podOf(j, i, 0, i * DAY + 128));

  it('leaves out the pods and logs of a failed run that later runs completed after', () => {
    const ev = withRuns([...newer, failed], [...newerPods, ...failedPods]);
    const now = dropSupersededRuns(ev);
    expect(now.pods.map((p) => p.jobName)).not.toContain(failed.name);
    expect(now.logs).toEqual([]);
    expect(now.jobs).toEqual(ev.jobs);
  });

  it('keeps the newest run when it is the one that failed', () => {
    const latest = failedRun(134);
    const pods = [0, 1, 2].map((i) => podOf(latest, i, 1, 128 - i));
    const ev = withRuns([latest, completed(CRON, DAY + 134, 6)], pods);
    expect(dropSupersededRuns(ev).pods).toHaveLength(3);
  });

  it('calls a CronJob healthy whose only failure is a run that later runs superseded', () => {
    const report = buildTriageReport(withRuns([...newer, failed], [...newerPods, ...failedPods]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
  });

  it('calls a run healthy whose first pod failed and whose retry completed the Job', () => {
    const retried = { ...completed(CRON, 134, 6), failed: 1 };
    const pods = [podOf(retried, 0, 1, 131), podOf(retried, 1, 0, 128)];
    const report = buildTriageReport(withRuns([retried, completed(CRON, DAY + 134, 6)], pods), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(report.findings.map((f) => f.title).join('\n')).not.toMatch(/ETIMEDOUT|timed out/);
  });

  it('keeps the failed pods of a Job that has not completed', () => {
    const running = { ...completed(CRON, 134, 6), failed: 1, succeeded: 0, active: 1, conditions: [] };
    const pods = [podOf(running, 0, 1, 131)];
    expect(dropSupersededRuns(withRuns([running], pods)).pods).toHaveLength(1);
  });
});
