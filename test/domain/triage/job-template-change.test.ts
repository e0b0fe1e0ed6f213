import { describe, expect, it } from 'vitest';
import type { JobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findJobTemplateChange } from '../../../src/domain/triage/job-template-change.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, container, minutesAgo, pod, revisionContainer, terminated } from './scenarios/builders.js';
import { cronJob } from './scenarios/cron-jobs.js';

const NAME = 'nightly-export';
const OLD = 'registry.example.com/tools/exporter:3.2.0';
const NEW = 'registry.example.com/tools/exporter:4.0.1';
const DAY = 24 * 60;

const template = (image: string) => [revisionContainer({ name: 'export', image, env: [{ name: 'TARGET', value: 'orders' }], envFrom: [], command: ['/bin/export.sh'] })];

function run(name: string, agoMinutes: number, image: string, ok: boolean): JobEvidence {
  const end = minutesAgo(agoMinutes - 5);
  return {
    name, createdAt: minutesAgo(agoMinutes), startTime: minutesAgo(agoMinutes), active: 0, succeeded: ok ? 1 : 0, failed: ok ? 0 : 3, backoffLimit: 2,
    conditions: ok ? [{ type: 'Complete', status: 'True', lastTransitionTime: end }] : [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: end }],
    ...(ok ? { completionTime: end } : {}),
    containers: template(image),
  };
}

const LOG = [
  '2026-11-21T02:45:01Z export.sh: exporter 4.0.1 starting',
  'exporter: [Warning] no config file, using defaults',
  "exporter: Got error: 1049: Unknown database 'orders_v2' when selecting the database",
  '2026-11-21T02:45:02Z export.sh: exporter failed (exit 2), upload aborted',
];

/** Last night's run failed three times on the new image; the three nights before succeeded on the old one. */
function failedAfterBump(newestImage = NEW, writtenAgo = 10 * 60): TriageEvidence {
  const jobs = [run(`${NAME}-300`, 30, newestImage, false), run(`${NAME}-200`, DAY + 30, OLD, true), run(`${NAME}-100`, 2 * DAY + 30, OLD, true)];
  const ev = cronJob(NAME, { cron: '45 2 * * *', suspended: false, templateWrittenAt: minutesAgo(writtenAgo), templateWrittenBy: 'gitops-sync' }, jobs);
  const pods = [0, 1, 2].map((i) => pod(i, { name: `${NAME}-300-p${i}`, jobName: `${NAME}-300`, phase: 'Failed', ready: false, revisionHash: undefined, containers: [container({ name: 'export', image: newestImage, ports: [], probes: {}, ready: false, state: terminated(2, 'Error', 29 - i) })] }));
  return { ...ev, pods, logs: pods.map((p) => ({ pod: p.name, container: 'export', previous: false, lines: LOG })), collectedAt: NOW };
}

describe('findJobTemplateChange', () => {
  it("finds the image the failing run's template moved to from the last successful run's, dated by the jobTemplate's write", () => {
    const ev = failedAfterBump();
    const change = findJobTemplateChange(ev, ev.jobs?.[0] as JobEvidence);
    expect(change?.image).toEqual({ container: 'export', from: OLD, to: NEW });
    expect(change?.lastGood.name).toBe(`${NAME}-200`);
    expect(change?.firstNew.name).toBe(`${NAME}-300`);
    expect(change?.written?.by).toBe('gitops-sync');
  });

  it('does not date it by a jobTemplate write older than the last good run', () => {
    const ev = failedAfterBump(NEW, 3 * DAY);
    expect(findJobTemplateChange(ev, ev.jobs?.[0] as JobEvidence)?.written).toBeUndefined();
  });

  it('finds nothing when the failing run has the template the good runs had', () => {
    const ev = failedAfterBump(OLD);
    expect(findJobTemplateChange(ev, ev.jobs?.[0] as JobEvidence)).toBeUndefined();
  });
});

describe('a CronJob run that fails on a template its earlier good runs did not have', () => {
  it("names the template change as the since and quotes the tool's own error, not the wrapper's", () => {
    const report = buildTriageReport(failedAfterBump(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/since the CronJob's image moved from tools\/exporter:3\.2\.0 to 4\.0\.1 \(jobTemplate written by gitops-sync 10h ago; this run is the first with it/);
    expect(report.headline).toMatch(/"exporter: Got error: 1049: Unknown database 'orders_v2'/);
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline).toMatch(/image back to tools\/exporter:3\.2\.0/);
  });

  it('still says no change was found when the failing run has the old template', () => {
    const report = buildTriageReport(failedAfterBump(OLD), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/since the CronJob's/);
  });
});
