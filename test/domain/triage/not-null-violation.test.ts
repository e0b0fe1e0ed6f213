// A writer whose inserts the database refuses for a NULL in a NOT NULL column (PostgreSQL 23502,
// MySQL 1048/1364, SQLite, SQL Server, Oracle ORA-01400): a migration made the column required and
// this writer, not updated, does not set it. The refusal decides the crash even when the process
// dies of a wrapper after its retries ("giving up on batch"), and the migration Job that ran just
// before is the change behind it.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findNotNullViolation } from '../../../src/domain/triage/not-null-violation.js';
import { minutesAgo, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const attempt = (a: number) => [
  `2026-11-21 03:1${a}:02,100 ERROR importer.store insert failed for ASN-1 (attempt ${a}/3)`,
  'Traceback (most recent call last):',
  '  File "/app/importer/store.py", line 88, in insert_row',
  '    cur.execute(INSERT_ROW, row)',
  'psycopg2.errors.NotNullViolation: null value in column "carrier_code" of relation "parcels" violates not-null constraint',
  'DETAIL:  Failing row contains (9181, ASN-1, null).',
];
const CRASH_LOG = [
  '2026-11-21 03:10:01,000 INFO importer.main starting',
  ...attempt(1), ...attempt(2), ...attempt(3),
  '2026-11-21 03:13:05,000 ERROR importer.consumer giving up on batch after 3 attempts',
  'Traceback (most recent call last):',
  '  File "/app/importer/main.py", line 61, in <module>',
  '    run_forever(cfg)',
  'importer.consumer.BatchFailed: batch-0022.edi',
];

const MIGRATE: NamespaceJobEvidence = {
  name: 'parcels-db-migrate-3-1-0',
  createdAt: minutesAgo(37),
  finishedAt: minutesAgo(36),
  state: 'complete',
  commandAndEnv: ['flyway', 'migrate'],
};

function crashing(jobs?: NamespaceJobEvidence[], logs = CRASH_LOG): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2, { runSeconds: 40 }), { logs });
  return { ...ev, ...(jobs ? { namespaceJobs: { jobs, complete: true } } : {}) };
}

describe('a database refusing a NULL in a NOT NULL column', () => {
  it('reads the column in each database\'s words', () => {
    expect(findNotNullViolation(['ERROR:  null value in column "carrier_code" violates not-null constraint'])).toMatchObject({ column: 'carrier_code' });
    expect(findNotNullViolation(['pq: null value in column "carrier_code" of relation "parcels" violates not-null constraint (SQLSTATE 23502)'])).toMatchObject({ column: 'carrier_code', table: 'parcels' });
    expect(findNotNullViolation(["(1048, \"Column 'carrier_code' cannot be null\")"])).toMatchObject({ column: 'carrier_code' });
    expect(findNotNullViolation(["ER_NO_DEFAULT_FOR_FIELD: Field 'carrier_code' doesn't have a default value"])).toMatchObject({ column: 'carrier_code' });
    expect(findNotNullViolation(['sqlite3.IntegrityError: NOT NULL constraint failed: parcels.carrier_code'])).toMatchObject({ column: 'carrier_code', table: 'parcels' });
    expect(findNotNullViolation(['ORA-01400: cannot insert NULL into ("APP"."PARCELS"."CARRIER_CODE")'])).toMatchObject({ column: 'CARRIER_CODE', table: 'PARCELS' });
    expect(findNotNullViolation(["Cannot insert the value NULL into column 'carrier_code', table 'ship.dbo.parcels'; column does not allow nulls. INSERT fails."])).toMatchObject({ column: 'carrier_code', table: 'parcels' });
    expect(findNotNullViolation(['value must not be null', 'NullPointerException'])).toBeUndefined();
  });

  it('decides the crash by the refusal, not the wrapper the process died of, and names the migration Job that ran just before', () => {
    const [f] = analyzeExitCodes(crashing([MIGRATE]));
    expect(f?.decisive).toBe('psycopg2.errors.NotNullViolation: null value in column "carrier_code" of relation "parcels" violates not-null constraint');
    expect(f?.title).toContain('the database refuses its writes: column carrier_code of parcels is NOT NULL (SQLSTATE 23502) and this writer leaves it empty, after migration Job parcels-db-migrate-3-1-0 ran');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('give parcels.carrier_code a default (or make it nullable) until this writer sets it, then update the writer (expand/contract)');
  });

  it('still names the column without a migration Job, and leaves a crash that only once met the refusal long before to its own line', () => {
    const [f] = analyzeExitCodes(crashing());
    expect(f?.title).toContain('column carrier_code of parcels is NOT NULL (SQLSTATE 23502) and this writer leaves it empty');
    expect(f?.datesChange).toBeUndefined();
    const once = [...attempt(1), ...Array.from({ length: 30 }, (_, i) => `2026-11-21 03:12:${String(i).padStart(2, '0')},000 INFO importer.store inserted ASN-${i}`), 'panic: runtime error: index out of range [3] with length 3'];
    const [other] = analyzeExitCodes(crashing(undefined, once));
    expect(other?.decisive).not.toMatch(/not-null/);
  });
});
