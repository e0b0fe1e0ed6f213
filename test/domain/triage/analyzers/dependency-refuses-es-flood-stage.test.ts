// An Elasticsearch whose data disks crossed the flood-stage watermark (95 %) puts a
// read-only-allow-delete block on every index there: its clients' bulks come back 429
// cluster_block_exception "blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage
// watermark …]". The 429 is the cluster's disk, not an outside API's rate budget.
import { describe, expect, it } from 'vitest';
import { findRateLimitedCalls } from '../../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { CleanupCronJobEvidence } from '../../../../src/domain/triage/evidence-cronjob-schedule.js';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { needsCleanupCronJobs } from '../../../../src/domain/triage/stopped-cleanup.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const blocked = (m: number) => JSON.stringify({ level: 'error', time: minutesAgo(m), msg: 'bulk item failed', index: 'orders-2026.11.21', status: 429, error_type: 'cluster_block_exception', error_reason: 'index [orders-2026.11.21] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];' });

function scenario(): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'ES_URL', value: 'https://orders-es:9200' }] })] }));
  const lines = [40, 30, 20, 10, 5, 2].map(blocked);
  return baseEvidence({ pods, hpas: [], logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('an Elasticsearch index blocked at the flood-stage disk watermark (cluster_block_exception, 429)', () => {
  it('does not count its 429s as calls refused by an outside API\'s rate budget', () => {
    expect(findRateLimitedCalls(scenario().logs)).toBeUndefined();
  });

  it('heads the report with the read-only block on the cluster\'s full disks, not a rate budget', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Elasticsearch orders-es refuses writes: its indices are read-only/);
    expect(report.headline).not.toMatch(/rate budget|outside API/);
  });
});

// The disk filled because nothing deleted old data any more: a retention CronJob of the namespace left
// suspended (or failing for days) is the trigger of the fill, dated days before the refusals.
describe('an Elasticsearch full at the flood stage, with a cleanup CronJob that stopped', () => {
  const cleanup = (over: Partial<CleanupCronJobEvidence> = {}): CleanupCronJobEvidence => ({
    name: 'orders-retention', schedule: '30 1 * * *', suspended: true, command: '--pattern orders-* --delete-older-than 30d',
    suspendedAt: minutesAgo(9 * 24 * 60), suspendedBy: 'kubectl-patch', lastScheduleTime: minutesAgo(10 * 24 * 60 + 2), lastSuccessfulTime: minutesAgo(10 * 24 * 60 + 1), ...over,
  });

  it('names the suspended cleanup as the since, dated as it is, and says to resume it', () => {
    const ev = { ...scenario(), cleanupCronJobs: [cleanup(), cleanup({ name: 'orders-export', command: 'export', suspended: true })] };
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/Elasticsearch orders-es refuses writes: its indices are read-only[^\n]*since cleanup CronJob orders-retention was suspended 9d ago by kubectl-patch and not resumed, its last success 10d ago/);
    expect(report.headline).toMatch(/Resume CronJob orders-retention/);
    expect(report.headline).not.toMatch(/no change found|orders-export/);
  });

  it('names a cleanup that has failed for days though it still runs', () => {
    const ev = { ...scenario(), cleanupCronJobs: [cleanup({ suspended: false, suspendedAt: undefined, suspendedBy: undefined, lastScheduleTime: minutesAgo(100), lastSuccessfulTime: minutesAgo(6 * 24 * 60) })] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/since cleanup CronJob orders-retention has not succeeded for 6d though it ran since/);
    expect(f?.fix).toMatch(/fix CronJob orders-retention's failing runs/);
  });

  it('blames no cleanup that runs fine', () => {
    const ev = { ...scenario(), cleanupCronJobs: [cleanup({ suspended: false, suspendedAt: undefined, suspendedBy: undefined, lastScheduleTime: minutesAgo(100), lastSuccessfulTime: minutesAgo(99) })] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).not.toMatch(/CronJob/);
  });

  it('reads the CronJobs only when the logs say a store is full', () => {
    expect(needsCleanupCronJobs(scenario().logs)).toBe(true);
    expect(needsCleanupCronJobs([{ pod: 'p', container: 'app', previous: false, lines: ['GET /health 200', 'GET /health 200'] }])).toBe(false);
  });
});
