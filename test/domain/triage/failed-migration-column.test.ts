import { describe, expect, it } from 'vitest';
import { findFailedMigration, findMissingSchema, keepMigrationFailureLines, pickFailedMigrationRuns, tellFailedMigration } from '../../../src/domain/triage/failed-migration.js';
import type { NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo, pod, terminated } from './scenarios/builders.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeSchemaMismatch } from '../../../src/domain/triage/analyzers/schema-mismatch.js';
import { crashScenario } from './scenarios/crashes.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';

// A release maps a column its migration Job was to add; the Job never got the migration tool's lock.
const crash = 'Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [gift_note] in table [orders]';
const lockMsg = 'Could not acquire change log lock.  Currently locked by build-host-7 (10.9.0.4) since 1/2/26, 9:10 AM';
const liquibase = [
  'Liquibase Open Source 4.29.2 by Liquibase',
  'Waiting for changelog lock....',
  'Waiting for changelog lock....',
  'ERROR: Exception Details',
  'ERROR: Exception Primary Class:  LockException',
  `ERROR: Exception Primary Reason:  ${lockMsg}`,
  'ERROR: Exception Primary Source:  PostgreSQL 15.8',
  `Unexpected error running Liquibase: ${lockMsg}`,
];
const run = () => ({ job: 'orders-db-migrate-3-1-0', pod: 'orders-db-migrate-3-1-0-abcde', container: 'liquibase', finishedAt: minutesAgo(5), lines: keepMigrationFailureLines(liquibase) });
const job: NamespaceJobEvidence = { name: 'orders-db-migrate-3-1-0', createdAt: minutesAgo(20), finishedAt: minutesAgo(5), state: 'failed' };

describe('a column missing because its migration Job failed', () => {
  it('finds a missing column (Hibernate, PostgreSQL, MySQL, SQLite) and pending migrations (Rails)', () => {
    expect(findMissingSchema([crash])?.what).toBe('column gift_note of table orders');
    expect(findMissingSchema(['ERROR: column "gift_note" of relation "orders" does not exist'])?.what).toBe('column gift_note of table orders');
    expect(findMissingSchema(['django.db.utils.ProgrammingError: column orders.gift_note does not exist'])?.what).toBe('column orders.gift_note');
    expect(findMissingSchema(["Unknown column 'gift_note' in 'field list'"])?.what).toBe('column gift_note');
    expect(findMissingSchema(['sqlite3.OperationalError: no such column: gift_note'])?.what).toBe('column gift_note');
    expect(findMissingSchema(['ActiveRecord::PendingMigrationError: Migrations are pending. To resolve this issue, run: bin/rails db:migrate'])?.noun).toBe('migrations');
    expect(findMissingSchema(['Schema-validation: missing table [order_tags]'])?.what).toBe('table order_tags');
    expect(findMissingSchema(['connection refused'])).toBeUndefined();
  });

  it('lists the failed migration Jobs when a column is missing', () => {
    const logs = [{ pod: 'orders-api-0', container: 'app', previous: true, lines: ['Starting', crash] }];
    expect(pickFailedMigrationRuns({ target: { kind: 'Deployment' }, logs, namespaceJobs: { jobs: [job], complete: true } }, NOW).map((j) => j.name)).toEqual(['orders-db-migrate-3-1-0']);
  });

  it('names the Job and its lock held by another run, and releases the lock before re-running the Job', () => {
    const found = findFailedMigration([crash], [run()], [job]);
    const told = tellFailedMigration(found!);
    expect(told.title).toMatch(/migration Job orders-db-migrate-3-1-0 failed/);
    expect(told.title).toMatch(/changelog lock/);
    expect(told.title).toMatch(/build-host-7/);
    expect(told.title).toMatch(/column gift_note of table orders/);
    expect(told.action).toMatch(/releaseLocks|release-locks/);
    expect(told.action).toMatch(/re-run the migration Job/);
    expect(told.cause).toMatch(/does not create the column/);
  });

  it("blames the failed migration Job over the app's exit", () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 9 }), { logs: ['Starting', crash] });
    const [f] = analyzeExitCodes({ ...ev, namespaceJobs: { jobs: [job], complete: true }, failedMigrationLogs: [run()] });
    expect(f?.title).toMatch(/migration Job orders-db-migrate-3-1-0 failed: .*changelog lock/);
    expect(f?.nextAction).not.toMatch(/^Roll back/i);
  });
});

describe('the report of a failed migration Job', () => {
  it('names the Job once, as the cause, not again as "what ran just before"', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 9 }), { logs: ['Starting', crash] });
    // The Job started just before the first crash (34m ago), as a release's migration does.
    const started = { ...job, createdAt: minutesAgo(36) };
    const r = buildTriageReport({ ...ev, namespaceJobs: { jobs: [started], complete: true }, failedMigrationLogs: [run()] }, { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/migration Job orders-db-migrate-3-1-0 failed/);
    expect(r.headline).not.toMatch(/ran just before/);
  });
});

describe('queries that find a column missing while its migration Job failed', () => {
  it('blames the failed Job, not the code', () => {
    const missing = 'ERROR: column "gift_note" of relation "orders" does not exist (SQLSTATE 42703)';
    const pods = [0, 1].map((i) => pod(i));
    const ev = baseEvidence({
      pods,
      logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [missing, missing] })),
      namespaceJobs: { complete: true, jobs: [job] },
      failedMigrationLogs: [run()],
    });
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.title).toMatch(/migration Job orders-db-migrate-3-1-0 failed: .*changelog lock/);
  });
});
