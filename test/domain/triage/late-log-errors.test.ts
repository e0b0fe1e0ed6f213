// Errors that began long after the rollout: ready pods of the new revision whose logs reach back
// to their start and show no error until a little before the read clear the revision even when
// their one line of clean work came only minutes before the first error: the read is whole, so the
// two hours before it were free of errors. A Job that ran just before the onset is then the change
// to check. A read cut short (not reaching the start) proves no such stretch.
import { describe, expect, it } from 'vitest';
import type { NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { needsJobsBeforeOnset } from '../../../src/domain/triage/jobs-before-onset.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { minutesAgo, readyOnRevision7, revision } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');

const pruneJob: NamespaceJobEvidence = {
  name: 'table-prune-29000100',
  owner: { kind: 'CronJob', name: 'table-prune' },
  createdAt: minutesAgo(15),
  finishedAt: minutesAgo(14),
  state: 'complete',
};

/** Pods of revision 7, rolled out 130m ago, serving cleanly (one line 16m ago) and failing from 13m ago. */
function scenario(opts: { fromStart: boolean; failing?: (m: number) => string[] }) {
  const rolledOut = 130;
  const banner = (i: number) => `${stamp(rolledOut - i - 1)}  INFO 1 --- [main] c.acme.reports.Application : Started Application in 6.2 seconds`;
  const clean = `${stamp(16)}  INFO 1 --- [reports] c.acme.reports.ReportRunner : Report 'daily' done in 0.4s`;
  const failing = [13, 10, 7, 4, 1].flatMap(opts.failing ?? ((m) => [
    `${stamp(m)} ERROR 1 --- [reports] c.acme.reports.ReportRunner : Report 'daily' failed`,
    'org.postgresql.util.PSQLException: ERROR: relation "report_rows" does not exist',
  ]));
  return readyOnRevision7(rolledOut, (i) => [...(opts.fromStart ? [banner(i)] : []), clean, ...failing], { namespaceJobs: { jobs: [pruneJob], complete: true } });
}

describe('errors that began two hours after the rollout, in logs read whole since the pods started', () => {
  it('clear the revision (no rollback) and name the Job that ran just before the first error', () => {
    const ev = scenario({ fromStart: true });
    expect(needsJobsBeforeOnset(ev)).toBe(true);
    const r = buildTriageReport(ev, times);
    expect(r.headline).not.toMatch(/^Since revision 7|Roll back|rollout undo/);
    expect(r.headline).toMatch(/revision 7 \(2h 10m ago\) is not the cause/);
    expect(r.headline).toMatch(/Job table-prune-29000100 \(CronJob table-prune\) started 2m before the first failure/);
  });

  it('date the errors no analyzer explains from the first error line, not from the pods\' start', () => {
    const lookup = (m: number) => [`${stamp(m)} ERROR 1 --- [http-nio-8080-exec-3] c.acme.reports.LookupController : lookup failed: store answered 404 for bucket-of-reports`];
    const r = buildTriageReport(scenario({ fromStart: true, failing: lookup }), times);
    expect(r.headline).not.toMatch(/^Since revision 7|Roll back|rollout undo/);
    expect(r.headline).toMatch(/Job table-prune-29000100 \(CronJob table-prune\) started 2m before the first failure/);
  });

  it('do not clear it when the read is cut short: a clean line just before the errors shows no stretch', () => {
    const ev = scenario({ fromStart: false });
    expect(needsJobsBeforeOnset(ev)).toBe(false);
    expect(buildTriageReport(ev, times).headline).toMatch(/^Since revision 7/);
  });
});
