import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { needsJobsUnderLoad } from '../../../src/domain/triage/jobs-under-load.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const pgTime = (m: number) => minutesAgo(m).replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
/** Postgres under a burst of WAL: LOG and HINT lines, no error. */
const hinted: LogEvidence = {
  pod: pod(0).name, container: 'app', previous: false,
  lines: [12, 6, 1].flatMap((m) => [
    `${pgTime(m)} [412] LOG:  checkpoints are occurring too frequently (26 seconds apart)`,
    `${pgTime(m)} [412] HINT:  Consider increasing the configuration parameter "max_wal_size".`,
    `${pgTime(m)} [412] LOG:  checkpoint starting: wal`,
  ]),
};
const quiet: LogEvidence = { pod: pod(1).name, container: 'app', previous: false, lines: [`${pgTime(3)} [412] LOG:  checkpoint starting: time`] };

const running = (name: string, over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence => ({ name, state: 'running', createdAt: minutesAgo(44), ...over });

function underLoad(jobs: NamespaceJobEvidence[], logs: LogEvidence[] = [hinted, quiet]): TriageEvidence {
  return baseEvidence({ logs, namespaceJobs: { jobs, complete: true } });
}
const headline = (ev: TriageEvidence) => buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW }).headline;

describe('a Job running against a healthy workload now', () => {
  it('names the Job of a CronJob named after the workload, when it started, and the load to expect; the tuning hints are not errors', () => {
    const h = headline(underLoad([
      running(`${APP}-basebackup-29410590`, { owner: { kind: 'CronJob', name: `${APP}-basebackup` } }),
      { name: `${APP}-basebackup-29409150`, owner: { kind: 'CronJob', name: `${APP}-basebackup` }, state: 'complete', createdAt: minutesAgo(24 * 60 + 44), finishedAt: minutesAgo(24 * 60 - 29) },
    ]));
    expect(h).toMatch(/looks healthy/);
    expect(h).toContain(`a Job is running against it now: ${APP}-basebackup-29410590 (CronJob ${APP}-basebackup, started 44m ago): expect load while it runs`);
    expect(h).toMatch(/its logs carry tuning hints, not errors[^\n]*checkpoints are occurring too frequently/);
    expect(h).not.toContain('29409150');
  });

  it('links a Job whose pod names the workload (its Service, a pod\'s DNS name) in its command, args or env', () => {
    const h = headline(underLoad([running('nightly-dump-7xk2p', { commandAndEnv: ['/bin/sh', '-c', `pg_dump -h ${APP}-0.${APP} -Fc | aws s3 cp - s3://dumps/x`] })]));
    expect(h).toContain('a Job is running against it now: nightly-dump-7xk2p (started 44m ago)');
  });

  it('never names a bystander: a Job with no link to the workload, one that ended, one whose name only contains it', () => {
    const h = headline(underLoad([
      running('reports-export-29410590', { owner: { kind: 'CronJob', name: 'reports-export' }, commandAndEnv: ['python', 'export.py', '--db', 'reports-db'] }),
      running(`old-${APP}-cleanup`),
      { name: `${APP}-reindex-1`, state: 'complete', createdAt: minutesAgo(90), finishedAt: minutesAgo(70) },
    ]));
    expect(h).toMatch(/looks healthy/);
    expect(h).not.toMatch(/Job is running|reports-export|cleanup|reindex|tuning hints/);
  });

  it('is read only when the workload\'s own logs carry load hints, never for a Job or CronJob target', () => {
    const target = baseEvidence().target;
    expect(needsJobsUnderLoad(target, [hinted])).toBe(true);
    expect(needsJobsUnderLoad(target, [quiet])).toBe(false);
    expect(needsJobsUnderLoad(target, [{ ...hinted, previous: true }])).toBe(false);
    expect(needsJobsUnderLoad({ ...target, kind: 'CronJob' }, [hinted])).toBe(false);
    const innodb = { ...quiet, lines: ['2026-11-21T03:10:00.123456Z 0 [Note] [MY-011953] [InnoDB] Page cleaner took 4372ms to flush 121 and evict 0 pages'] };
    expect(needsJobsUnderLoad(target, [innodb])).toBe(true);
  });
});
