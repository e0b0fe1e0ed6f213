// A CronJob refused by a quota on the count of Jobs: the report says which Jobs fill the quota
// (finished ones count until deleted), how to delete them, and what keeps them from piling up.
import { describe, expect, it } from 'vitest';
import { analyzeCronJobSchedule } from '../../../src/domain/triage/analyzers/cronjob-schedule.js';
import type { NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, event, minutesAgo } from './scenarios/builders.js';
import { completed, cronJob, jobName } from './scenarios/cron-jobs.js';

const DAY = 24 * 60;
const CRON = 'ledger-reconcile';
const REFUSAL = 'Error creating job: jobs.batch "ledger-reconcile-29398455" is forbidden: exceeded quota: object-counts, requested: count/jobs.batch=1, used: count/jobs.batch=6, limited: count/jobs.batch=6';

function finished(name: string, createdAgo: number, more: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence {
  return { name, createdAt: minutesAgo(createdAgo), finishedAt: minutesAgo(createdAgo - 20), state: 'complete', ...more };
}

const ownRun = (ago: number): NamespaceJobEvidence => finished(jobName(CRON, ago), ago, { owner: { kind: 'CronJob', name: CRON } });

/** Runs every 15 minutes; the last started 74 minutes ago, the controller was refused since 60 minutes ago. */
function refused(jobs: NamespaceJobEvidence[], opts: { complete?: boolean; message?: string } = {}): TriageEvidence {
  const ev = cronJob(CRON, { cron: '*/15 * * * *', suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(74) }, [completed(CRON, 74, 3)]);
  ev.events.push(event({ object: { kind: 'CronJob', name: CRON, namespace: 'payments' }, reason: 'FailedCreate', message: opts.message ?? REFUSAL, count: 5, firstSeen: minutesAgo(60), lastSeen: minutesAgo(14), source: 'cronjob-controller' }));
  return { ...ev, namespaceJobs: { jobs, complete: opts.complete ?? true } };
}

describe('a CronJob refused by a ResourceQuota on the count of Jobs', () => {
  it('names the finished Jobs nothing owns or deletes that fill the quota, and deletes them by name', () => {
    const backfills = [3, 2, 1].map((d) => finished(`backfill-2026-11-${21 - d}`, d * DAY));
    const ev = refused([...backfills, finished('backfill-2026-11-20-rerun', 66), ownRun(104), ownRun(89)]);
    const [f] = analyzeCronJobSchedule(ev);
    expect(f?.fix).toBe('delete the 4 finished backfill-* Jobs (no ttlSecondsAfterFinished) to free ResourceQuota object-counts, or raise the quota');
    expect(f?.evidence).toEqual(expect.arrayContaining([
      'Jobs in payments: 6 (object-counts counts each until it is deleted, finished or not)',
      '4 finished backfill-* Jobs, no owner (made by hand or by a tool): oldest created 3d ago, none has a ttlSecondsAfterFinished',
      '2 finished Jobs of CronJob ledger-reconcile: oldest created 1h 44m ago, none has a ttlSecondsAfterFinished',
      // The quota filled when the Job before the first refusal was made.
      'the last Job created before the first refusal (1h ago): backfill-2026-11-20-rerun, 1h 6m ago',
    ]));
    expect(f?.likelyCause).toContain('What fills it: 4 finished backfill-* Jobs no controller owns and nothing deletes (no ttlSecondsAfterFinished); with 2 other Jobs, 6.');
    expect(f?.nextAction).toContain('`kubectl delete job backfill-2026-11-18 backfill-2026-11-19 backfill-2026-11-20 backfill-2026-11-20-rerun -n payments --context prod-eu-west-1`');
    expect(f?.nextAction).toContain('set ttlSecondsAfterFinished where they are made');
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toContain('Delete the 4 finished backfill-* Jobs (no ttlSecondsAfterFinished) to free ResourceQuota object-counts, or raise the quota');
  });

  it('deletes many Jobs by the stem of their names when every Job with that stem is finished', () => {
    const many = Array.from({ length: 14 }, (_, i) => finished(`ledger-backfill-2026-10-${String(i + 1).padStart(2, '0')}`, (30 - i) * DAY));
    const [f] = analyzeCronJobSchedule(refused([...many, ownRun(89)]));
    expect(f?.nextAction).toContain("`kubectl get jobs -o name -n payments --context prod-eu-west-1 | grep '^job.batch/ledger-backfill-' | xargs kubectl delete -n payments --context prod-eu-west-1`");
  });

  it('names only the oldest finished Jobs when a Job with the same stem still runs', () => {
    const many = Array.from({ length: 14 }, (_, i) => finished(`ledger-backfill-2026-10-${String(i + 1).padStart(2, '0')}`, (30 - i) * DAY));
    const running: NamespaceJobEvidence = { name: 'ledger-backfill-2026-11-20', createdAt: minutesAgo(30), state: 'running' };
    const [f] = analyzeCronJobSchedule(refused([...many, running]));
    expect(f?.nextAction).not.toContain('grep');
    expect(f?.nextAction).toMatch(/`kubectl delete job ledger-backfill-2026-10-01 ledger-backfill-2026-10-02 [^`]* -n payments --context prod-eu-west-1` \(the \d+ oldest of 14\)/);
    expect(f?.nextAction).not.toContain('ledger-backfill-2026-11-20 ');
    expect(f?.evidence).toContain('14 finished, 1 running or suspended ledger-backfill-* Jobs, no owner (made by hand or by a tool): oldest created 30d ago, none has a ttlSecondsAfterFinished');
  });

  it('blames a CronJob whose history limits keep too many finished Jobs, and says to lower them', () => {
    const kept = Array.from({ length: 5 }, (_, i) => finished(`nightly-export-${29398000 + i}`, (6 - i) * DAY, { owner: { kind: 'CronJob', name: 'nightly-export' } }));
    const [f] = analyzeCronJobSchedule(refused([...kept, ownRun(89)]));
    expect(f?.fix).toBe("delete CronJob nightly-export's finished Jobs and lower its history limits to free ResourceQuota object-counts, or raise the quota");
    expect(f?.likelyCause).toContain('What fills it: 5 finished Jobs of CronJob nightly-export, kept by its history limits and nothing deletes (no ttlSecondsAfterFinished); with 1 other Job, 6.');
    expect(f?.nextAction).toContain("lower nightly-export's successfulJobsHistoryLimit and failedJobsHistoryLimit");
  });

  it('says the quota is held by running Jobs, not finished ones, when none has ended', () => {
    const running = Array.from({ length: 6 }, (_, i): NamespaceJobEvidence => ({ name: `import-${i}-x7k2p`, createdAt: minutesAgo(90 - i), state: 'running' }));
    const [f] = analyzeCronJobSchedule(refused(running));
    expect(f?.fix).toBe('raise ResourceQuota object-counts or end the Jobs that hold it (6 running or suspended)');
    expect(f?.likelyCause).toContain('No finished Job fills it: 6 Jobs of the namespace are running or suspended');
  });

  it('says "at least" when the list of Jobs stopped early', () => {
    const [f] = analyzeCronJobSchedule(refused([finished('backfill-2026-11-19', DAY), ownRun(89)], { complete: false }));
    expect(f?.evidence).toContain('Jobs in payments: at least 2 (object-counts counts each until it is deleted, finished or not)');
  });

  it('leaves a refusal on another quota resource as it was, even with the Jobs read', () => {
    const cpu = 'Error creating job: jobs.batch "ledger-reconcile-29398455" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=19, limited: requests.cpu=20';
    const [f] = analyzeCronJobSchedule(refused([finished('backfill-2026-11-19', DAY)], { message: cpu }));
    expect(f?.fix).toBe('free room in ResourceQuota compute or raise it');
    expect(f?.evidence.join('\n')).not.toContain('backfill');
  });
});
