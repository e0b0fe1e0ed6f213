// A database refusing the values a service writes as too long for their column, while the service
// itself is unchanged for days: the change is a caller's release that sends longer values, the
// Deployment of the namespace whose env names the service's Service and rolled out just before.
import { describe, expect, it } from 'vitest';
import { analyzeColumnOverflow } from '../../../../src/domain/triage/analyzers/column-overflow.js';
import { needsColumnOverflowCallers } from '../../../../src/domain/triage/column-overflow.js';
import type { NamespaceRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, minutesAgo, revision, revisionContainer } from '../scenarios/builders.js';

/** One refusal as a Python service logs it: its own line, the driver's error, the ORM's, the statement and its parameters, the 500. */
const pgRefusal = (m: number, code: string) => [
  `${minutesAgo(m)} ERROR ledger.api: could not save entry`,
  'Traceback (most recent call last):',
  'psycopg2.errors.StringDataRightTruncation: value too long for type character varying(16)',
  'sqlalchemy.exc.DataError: (psycopg2.errors.StringDataRightTruncation) value too long for type character varying(16)',
  '[SQL: INSERT INTO entries (account, vendor_code, memo) VALUES (%(account)s, %(vendor_code)s, %(memo)s)]',
  `[parameters: {'account': 'AC-1', 'vendor_code': '${code}', 'memo': 'a memo that was always longer than sixteen characters'}]`,
  `${minutesAgo(m - 0.01)} INFO access: "POST /v1/entries HTTP/1.1" 500`,
];

const mysqlRefusal = (m: number) => [
  `${minutesAgo(m)} level=error msg="insert failed" err="Error 1406 (22001): Data too long for column 'vendor_code' at row 1"`,
  `${minutesAgo(m - 0.01)} level=info msg="POST /v1/entries 500"`,
];

function rollout(deployment: string, rev: number, ago: number, env: { name: string; value: string }[]): NamespaceRolloutEvidence {
  const c = (tag: string) => [revisionContainer({ image: `registry.example/${deployment}:${tag}`, env })];
  return { deployment, labels: {}, revisions: [
    revision({ revision: rev, hash: `7f${rev}c9d8b6a` }, minutesAgo(ago), { name: `${deployment}-7f${rev}c9d8b6a`, replicas: 2, containers: c('2.0.0') }),
    revision({ revision: rev - 1, hash: `5d${rev}a7c6e4f` }, minutesAgo(20 * 24 * 60), { name: `${deployment}-5d${rev}a7c6e4f`, replicas: 0, containers: c('1.9.2') }),
  ] };
}

const CALLER = rollout('vendor-sync', 14, 70, [{ name: 'LEDGER_URL', value: 'http://payment-service.payments.svc.cluster.local' }]);
const UNRELATED = rollout('report-builder', 9, 66, [{ name: 'WAREHOUSE_DSN', value: 'postgres://warehouse-pg:5432/reports' }]);

function refusing(rollouts: NamespaceRolloutEvidence[], lines: (m: number) => string[], count = 4): TriageEvidence {
  const base = baseEvidence();
  const pods = base.pods.slice(0, 2);
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: Array.from({ length: count }, (_, i) => lines(60 - i * 9 - k)).flat() })),
    namespaceRollouts: rollouts,
  });
}

describe('analyzeColumnOverflow', () => {
  it('names the limit, the parameters past it and the caller that rolled out just before as the likely since', () => {
    const ev = refusing([UNRELATED, CALLER], (m) => pgRefusal(m, 'VND-EU-0042-0000-7781'));
    expect(needsColumnOverflowCallers({ ...ev, collectedAt: NOW })).toEqual({ since: minutesAgo(60 + 120) });
    const [f] = analyzeColumnOverflow(ev);
    expect(f?.title).toMatch(/^PostgreSQL refuses the values payment-service writes as longer than 16 characters: 8 "value too long for type character varying\(16\)" in 2 ready pods, 8 writes answered 5xx/);
    expect(f?.title).toMatch(/likely since revision 14 of vendor-sync \(1h 10m ago\), a caller whose env names payment-service$/);
    expect(f?.evidence.join('\n')).toMatch(/parameters longer than 16 characters: vendor_code \(21\), memo \(\d+\)/);
    expect(f?.nextAction).toMatch(/widen whichever of vendor_code, memo is limited to 16 characters \(most likely vendor_code/);
    expect(f?.nextAction).toMatch(/rollout undo deployment\/vendor-sync --to-revision=13/);
    expect(f?.datesChange).toBe(true);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/refuses the values payment-service writes as longer than 16 characters[^\n]*likely since revision 14 of vendor-sync/);
    expect(report.headline).not.toMatch(/no change found|report-builder/);
  });

  it('takes the column MySQL names, and says "possibly" for the nearest rollout nothing ties', () => {
    const [f] = analyzeColumnOverflow(refusing([UNRELATED], mysqlRefusal));
    expect(f?.title).toMatch(/^MySQL refuses the values payment-service writes as longer than their column allows/);
    expect(f?.likelyCause).toMatch(/in column vendor_code/);
    expect(f?.title).toMatch(/possibly since revision 9 of report-builder/);
    const [none] = analyzeColumnOverflow(refusing([], mysqlRefusal));
    expect(none?.title).not.toMatch(/since/);
    expect(none?.datesChange).toBeUndefined();
  });

  it('leaves one or two odd values alone, and reads no rollouts for them', () => {
    const ev = refusing([CALLER], mysqlRefusal, 1);
    expect(analyzeColumnOverflow(ev)).toEqual([]);
    expect(needsColumnOverflowCallers({ ...ev, collectedAt: NOW })).toBeUndefined();
    expect(needsColumnOverflowCallers({ ...baseEvidence(), collectedAt: NOW })).toBeUndefined();
  });
});
