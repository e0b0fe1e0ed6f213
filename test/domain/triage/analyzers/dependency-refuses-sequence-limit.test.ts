// An id sequence at the maximum of its type: Postgres refuses nextval() ("reached maximum value of
// sequence"), MySQL the next auto-increment value. Every INSERT into that table fails while reads,
// readiness and the database stay fine, and nothing in the cluster changed: the fix is a wider
// type (bigint), not a rollback or a restart.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const SEQ = 'nextval: reached maximum value of sequence "orders_id_seq" (2147483647)';
const pyTrace = (m: number): string[] => [
  `${minutesAgo(m)} ERROR [shop.api] order not saved, answering 500`,
  'Traceback (most recent call last):',
  `psycopg2.errors.SequenceGeneratorLimitExceeded: ${SEQ}`,
  '',
  `sqlalchemy.exc.DataError: (psycopg2.errors.SequenceGeneratorLimitExceeded) ${SEQ}`,
  '[SQL: INSERT INTO orders (customer_id, total) VALUES (%(customer_id)s, %(total)s) RETURNING orders.id]',
];
const PG_ENV = [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://shop@orders-pg.payments.svc.cluster.local:5432/shop' }];

function scenario(lines: string[], env = PG_ENV): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('an id sequence at the maximum of its type', () => {
  const lines = [...pyTrace(30), ...pyTrace(10), ...pyTrace(1)];

  it('names the database (from a SQLAlchemy driver URL), the sequence, its limit as the int4 maximum, and advises bigint', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^PostgreSQL orders-pg refuses new rows/);
    expect(f?.title).toContain('sequence orders_id_seq');
    expect(f?.title).toMatch(/2147483647/);
    expect(f?.title).toMatch(/int4|integer/);
    expect(f?.title).toMatch(/6 refused calls/);
    expect(f?.fix).toMatch(/ALTER SEQUENCE orders_id_seq AS bigint/);
    expect(f?.fix).toMatch(/ALTER TABLE orders ALTER COLUMN id TYPE bigint/);
    expect(f?.likelyCause).toMatch(/reads/);
  });

  it('says the headline: the sequence, its limit and bigint, with no rollback', () => {
    const report = buildTriageReport(scenario(lines), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/orders_id_seq/);
    expect(report.headline).toMatch(/bigint/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('without the statement that names the table, advises the column the sequence feeds', () => {
    const [f] = analyzeDependencyRefusals(scenario([`ERROR: ${SEQ}`, `ERROR: ${SEQ}`]));
    expect(f?.fix).toMatch(/ALTER SEQUENCE orders_id_seq AS bigint/);
    expect(f?.fix).not.toMatch(/ALTER TABLE/);
    expect(f?.fix).toMatch(/column/);
  });

  it('reads a sequence with its own MAXVALUE as that, not as a type', () => {
    const own = 'ERROR: nextval: reached maximum value of sequence "ticket_no" (999999)';
    const [f] = analyzeDependencyRefusals(scenario([own, own]));
    expect(f?.title).toMatch(/ticket_no/);
    expect(f?.title).not.toMatch(/int4/);
    expect(f?.fix).toMatch(/MAXVALUE/);
  });

  it('reads MySQL\'s auto-increment at the int maximum (a duplicate of 2147483647 on the primary key)', () => {
    const dup = "java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '2147483647' for key 'events.PRIMARY'";
    const [f] = analyzeDependencyRefusals(scenario([dup, dup], [{ name: 'DB_URL', value: 'jdbc:mysql://events-db:3306/events' }]));
    expect(f?.title).toMatch(/^MySQL events-db refuses new rows/);
    expect(f?.title).toMatch(/2147483647/);
    expect(f?.fix).toMatch(/ALTER TABLE events MODIFY [^\n]*BIGINT/i);
  });

  it('does not take a duplicate of an ordinary key for an exhausted auto-increment', () => {
    const dup = "Duplicate entry 'alice@example.com' for key 'users.email'";
    expect(analyzeDependencyRefusals(scenario([dup, dup], [{ name: 'DB_URL', value: 'jdbc:mysql://events-db:3306/events' }]))).toEqual([]);
  });
});
