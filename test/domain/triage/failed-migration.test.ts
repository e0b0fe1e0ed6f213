import { describe, expect, it } from 'vitest';
import { findFailedMigration, findMissingTable, keepMigrationFailureLines, pickFailedMigrationRuns, tellFailedMigration } from '../../../src/domain/triage/failed-migration.js';
import type { LogEvidence, NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo, pod, terminated } from './scenarios/builders.js';
import { analyzeSchemaMismatch } from '../../../src/domain/triage/analyzers/schema-mismatch.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { crashScenario } from './scenarios/crashes.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';

const crash = 'Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [order_tag_links]';
const logs = [{ pod: 'api-0', container: 'app', previous: true, lines: ['Starting', crash] }];
const run = (name: string, finishedAgo: number, state: NamespaceJobEvidence['state'] = 'failed'): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(finishedAgo + 2), finishedAt: minutesAgo(finishedAgo), state });
const flyway = [
  'Flyway OSS Edition 10.17.3 by Redgate',
  'Migrating schema `orders` to version "48 - create order tag links"',
  'ERROR: Migration of schema `orders` to version "48 - create order tag links" failed! Changes successfully rolled back.',
  'ERROR: ',
  'Migration V48__create_order_tag_links.sql failed',
  'SQL State  : HY000',
  'Error Code : 3750',
  "Message    : Unable to create or change a table without a primary key, when the system variable 'sql_require_primary_key' is set. Add a primary key to the table or unset this variable to avoid this error.",
  'Statement  : CREATE TABLE order_tag_links (',
];

describe('a table missing because its migration Job failed', () => {
  it('finds the missing table in Hibernate, PostgreSQL and MySQL words', () => {
    expect(findMissingTable([crash])?.table).toBe('order_tag_links');
    expect(findMissingTable(['ERROR: relation "stock_moves" does not exist (SQLSTATE 42P01)'])?.table).toBe('stock_moves');
    expect(findMissingTable(["java.sql.SQLSyntaxErrorException: Table 'orders.order_tags' doesn't exist"])?.table).toBe('orders.order_tags');
    expect(findMissingTable(['connection refused'])).toBeUndefined();
  });

  it('finds the missing table in a JSON log line, its quotes escaped', () => {
    const line = String.raw`{"level":"ERROR","msg":"query failed","error":"ERROR: relation \"stock_moves\" does not exist (SQLSTATE 42P01)"}`;
    expect(findMissingTable([line])?.table).toBe('stock_moves');
  });

  it('picks the failed migration Jobs of the last day, newest first, only when a table is missing', () => {
    const jobs = [run('order-api-migrate-47', 3000), run('order-api-migrate-48', 34), run('nightly-export', 20), run('db-migrate-ok', 30, 'complete')];
    const target = { kind: 'Deployment' as const };
    expect(pickFailedMigrationRuns({ target, logs, namespaceJobs: { jobs, complete: true } }, NOW).map((j) => j.name)).toEqual(['order-api-migrate-48']);
    const other = [{ pod: 'api-0', container: 'app', previous: true, lines: ['OOM'] }];
    expect(pickFailedMigrationRuns({ target, logs: other, namespaceJobs: { jobs, complete: true } }, NOW)).toEqual([]);
  });

  it("keeps the migration's error and the database's refusal", () => {
    const kept = keepMigrationFailureLines(flyway);
    expect(kept.join('\n')).toMatch(/Error Code : 3750/);
    expect(kept.join('\n')).toMatch(/sql_require_primary_key/);
    expect(kept.join('\n')).not.toMatch(/Flyway OSS|CREATE TABLE/);
    expect(kept).not.toContain('ERROR:');
  });

  it('keeps a statement that sets a role\'s or database\'s search_path (the migration may fail after it)', () => {
    const kept = keepMigrationFailureLines(['BEGIN', 'ALTER ROLE svc SET search_path = ledger_v3;', 'ALTER ROLE', 'psql:/m/12.sql:9: ERROR:  deadlock detected']);
    expect(kept).toEqual(['ALTER ROLE svc SET search_path = ledger_v3;', 'psql:/m/12.sql:9: ERROR:  deadlock detected']);
  });

  it('makes the failed migration the mechanism and reads ERROR 3750 / sql_require_primary_key', () => {
    const found = findFailedMigration([crash], [{ job: 'order-api-migrate-48', pod: 'order-api-migrate-48-x', container: 'flyway', finishedAt: minutesAgo(34), lines: keepMigrationFailureLines(flyway) }]);
    expect(found).toBeDefined();
    const told = tellFailedMigration(found!);
    expect(told.title).toMatch(/migration Job order-api-migrate-48 failed/);
    expect(told.title).toMatch(/sql_require_primary_key/);
    expect(told.title).toMatch(/order_tag_links/);
    expect(told.action).toMatch(/primary key/);
    expect(told.action).toMatch(/re-run/);
    expect(told.cause).toMatch(/rollback of the app does not create the table/);
  });

  it('reads nothing without a failed run', () => {
    expect(findFailedMigration([crash], [])).toBeUndefined();
  });

  it("blames the failed migration, not the app's exit, and offers no rollback", () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 9 }), { logs: ['Starting', crash] });
    const [f] = analyzeExitCodes({ ...ev, failedMigrationLogs: [{ job: 'order-api-migrate-48', pod: 'order-api-migrate-48-x', container: 'flyway', finishedAt: minutesAgo(34), lines: keepMigrationFailureLines(flyway) }] });
    expect(f?.title).toMatch(/migration Job order-api-migrate-48 failed: MySQL ERROR 3750/);
    expect(f?.nextAction).toMatch(/primary key/);
    expect(f?.nextAction).not.toMatch(/Roll back/i);
  });
});

// A Python migration tool (SQLAlchemy) that PostgreSQL 15+ refuses CREATE on schema public: its traceback names the refusal.
const traceback = [
  'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
  'Traceback (most recent call last):',
  '    cursor.execute(statement, parameters)',
  'psycopg2.errors.InsufficientPrivilege: permission denied for schema public',
  'LINE 2: CREATE TABLE alembic_version (',
  'The above exception was the direct cause of the following exception:',
  'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.InsufficientPrivilege) permission denied for schema public',
  '(Background on this error at: https://sqlalche.me/e/20/f405)',
];
const pgMissing = 'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation "invoices" does not exist';
const schemaJob: NamespaceJobEvidence = { ...run('billing-migrate-7', 50), commandAndEnv: ['alembic', 'upgrade', 'head', 'DATABASE_URL=postgresql+psycopg2://billing_owner@db.billing.svc:5432/billing'] };
const schemaRun = () => ({ job: 'billing-migrate-7', pod: 'billing-migrate-7-q2w', container: 'migrate', finishedAt: minutesAgo(50), lines: keepMigrationFailureLines(traceback) });

describe('a migration Job refused CREATE on schema public', () => {
  it("keeps a Python traceback's exception lines, not its glue", () => {
    const kept = keepMigrationFailureLines(traceback);
    expect(kept).toContain('psycopg2.errors.InsufficientPrivilege: permission denied for schema public');
    expect(kept.join('\n')).not.toMatch(/The above exception|Background on this error/);
  });

  it('says PostgreSQL 15+ no longer lets every role create in public, and grants the Job\'s role the schema privilege', () => {
    const found = findFailedMigration([pgMissing], [schemaRun()], [schemaJob]);
    const told = tellFailedMigration(found!);
    expect(told.title).toMatch(/migration Job billing-migrate-7 failed: permission denied for schema public/);
    expect(told.cause).toMatch(/PostgreSQL 15/);
    expect(told.action).toContain('GRANT USAGE, CREATE ON SCHEMA public TO billing_owner');
    expect(told.action).toMatch(/re-run the migration Job/);
  });

  it('makes the failed Job the headline when the app only reports the missing relation', () => {
    const pods = [0, 1].map((i) => pod(i));
    const ev = baseEvidence({
      pods,
      logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [pgMissing, pgMissing] })),
      namespaceJobs: { complete: true, jobs: [schemaJob] },
      failedMigrationLogs: [schemaRun()],
    });
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.title).toMatch(/migration Job billing-migrate-7 failed: permission denied for schema public/);
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/permission denied for schema public/);
    expect(r.headline).toContain('GRANT USAGE, CREATE ON SCHEMA public TO billing_owner');
    expect(r.headline).not.toMatch(/the code and the database schema disagree/);
  });
});
