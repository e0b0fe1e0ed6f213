// A class the autoloader cannot find, on requests of Ready pods (PHP's uncaught Error `Class "…" not
// found`, HTTP 500): the routes that use it fail every time while the probes pass. Repeated, it is a
// finding naming the class and the revision it came with — not "a few error lines" of an all-clear.
import { describe, expect, it } from 'vitest';
import { analyzeMissingClass } from '../../../../src/domain/triage/analyzers/missing-class.js';
import { parseMissingClass } from '../../../../src/domain/triage/missing-class.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision } from '../scenarios/builders.js';

const CLASS = 'Acme\\Reports\\CsvExporter';
const stamp = (m: number) => minutesAgo(m).replace('T', ' ').slice(0, 19);
const phpLine = (m: number) => `[${stamp(m)}] production.ERROR: Class "${CLASS}" not found {"exception":"[object] (Error(code: 0): Class \\"Acme\\\\Reports\\\\CsvExporter\\" not found at /srv/app/src/Controller/ReportController.php:31)`;
const okLine = (m: number) => `[${stamp(m)}] production.INFO: report listed {"userId":7}`;

function scenario(over: { minutes?: number[]; rolloutAgo?: number; ready?: boolean } = {}): TriageEvidence {
  const minutes = over.minutes ?? [25, 12, 2];
  const rolloutAgo = over.rolloutAgo ?? 30;
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolloutAgo - 1), startTime: minutesAgo(rolloutAgo - 1), ...(over.ready === false && i === 0 ? { ready: false } : {}) }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(rolloutAgo), { replicas: 3 })],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'php-fpm', previous: false, lines: [okLine(rolloutAgo - 2), ...minutes.filter((_, k) => k % 3 === i).map(phpLine), okLine(1)] })),
  });
}

describe('a class the autoloader cannot find on Ready pods', () => {
  it('reads PHP 8 and PHP 7 wordings, interfaces and traits, and leaves other "not found" lines alone', () => {
    expect(parseMissingClass(phpLine(1))).toEqual({ what: 'Class', name: CLASS, quote: `Class "${CLASS}" not found` });
    expect(parseMissingClass(`PHP Fatal error:  Uncaught Error: Class '${CLASS}' not found in /srv/app/index.php:12`)?.name).toBe(CLASS);
    expect(parseMissingClass('PHP Fatal error:  Interface "Acme\\Contracts\\Exporter" not found in /srv/app/src/X.php:5')).toMatchObject({ what: 'Interface', name: 'Acme\\Contracts\\Exporter' });
    expect(parseMissingClass('GET /reports/42 404 route not found')).toBeUndefined();
    expect(parseMissingClass('user "alice" not found')).toBeUndefined();
  });

  it('is the verdict, dated by the revision the errors came with, not an all-clear with a few error lines', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(30m ago/);
    expect(report.headline).toContain(`Class "${CLASS}" not found`);
    expect(report.headline).toMatch(/letter case/);
    expect(report.headline).toMatch(/roll back to revision 6/i);
  });

  it('leaves one or two such lines alone: a request to a route on its way out is not a failing service', () => {
    expect(analyzeMissingClass(scenario({ minutes: [12, 2] }))).toEqual([]);
  });

  it('counts only Ready pods: a pod that is not ready has its own reading', () => {
    const f = analyzeMissingClass(scenario({ minutes: [25, 24, 12, 11, 3, 2], ready: false }));
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/4 fatal errors in 2 ready pods/);
  });
});
