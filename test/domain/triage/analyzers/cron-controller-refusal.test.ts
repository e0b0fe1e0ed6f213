import { describe, expect, it } from 'vitest';
import { analyzeCronJobSchedule } from '../../../../src/domain/triage/analyzers/cronjob-schedule.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, event, minutesAgo } from '../scenarios/builders.js';
import { completed, cronJob } from '../scenarios/cron-jobs.js';

const DAY = 24 * 60;
const CRON = 'nightly-ledger-export';

/** Daily at 02:00 UTC until an edit 2 days ago set `timeZone`; the controller warns on every sync since. */
function editedZone(timeZone: string, warning?: { reason: string; message: string }): TriageEvidence {
  const runs = [3, 4].map((d) => completed(CRON, d * DAY + 74, 9));
  const ev = cronJob(CRON, { cron: '0 3 * * *', timeZone, suspended: false, concurrencyPolicy: 'Allow', lastScheduleTime: minutesAgo(3 * DAY + 74) }, runs);
  if (warning) ev.events.push(event({ object: { kind: 'CronJob', name: CRON, namespace: 'payments' }, type: 'Warning', reason: warning.reason, message: warning.message, count: 14, firstSeen: minutesAgo(2 * DAY + 30), lastSeen: minutesAgo(25), source: 'cronjob-controller' }));
  return ev;
}

const UNKNOWN = { reason: 'UnknownTimeZone', message: 'invalid timeZone: "America/Boston": unknown time zone America/Boston' };

describe('a CronJob the controller refuses to schedule', () => {
  it('names the time zone the controller cannot load, and that no Job was created since', () => {
    const [f] = analyzeCronJobSchedule(editedZone('America/Boston', UNKNOWN));
    expect(f?.title).toMatch(/timeZone "America\/Boston"/);
    expect(f?.title).toMatch(/unknown time zone/);
    expect(f?.title).toMatch(/no Job (has been )?created since/);
    expect(f?.decisive).toBe(UNKNOWN.message);
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toMatch(/IANA/);
    expect(buildTriageReport(editedZone('America/Boston', UNKNOWN), { startedAt: NOW, finishedAt: NOW }).headline).toMatch(/America\/Boston/);
  });

  it('names an unparseable schedule the same way', () => {
    const [f] = analyzeCronJobSchedule(editedZone('UTC', { reason: 'UnparseableSchedule', message: 'unparseable schedule: "0 3 * * * *" : expected exactly 5 fields, found 6: [0 3 * * * *]' }));
    expect(f?.title).toMatch(/unparseable schedule/);
  });

  it('blames nothing when the controller has not complained', () => {
    expect(analyzeCronJobSchedule(editedZone('America/Boston'))).toEqual([]);
  });
});
