import { describe, expect, it } from 'vitest';
import { describeMigrationRuns, keepMigrationLines, pickMigrationJobRuns } from '../../../src/domain/triage/migration-job-log.js';
import type { NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, minutesAgo } from './scenarios/builders.js';

const refused = (m: number) => `{"time":"${minutesAgo(m)}","level":"ERROR","err":"ERROR: cached plan must not change result type (SQLSTATE 0A000)"}`;
const logs = [{ pod: 'api-0', container: 'app', previous: false, lines: [refused(39), refused(10)] }];
const run = (name: string, finishedAgo: number, state: NamespaceJobEvidence['state'] = 'complete'): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(finishedAgo + 1), finishedAt: minutesAgo(finishedAgo), state });

describe('the migration Job a schema change under prepared statements points at', () => {
  it('picks the complete Jobs that finished in the 2h before the first 0A000, nearest first', () => {
    const jobs = [run('nightly-report', 300), run('migrate-41', 90), run('migrate-42', 40), run('backfill', 20), run('migrate-broken', 45, 'failed')];
    expect(pickMigrationJobRuns({ logs, namespaceJobs: { jobs, complete: true } }).map((j) => j.name)).toEqual(['migrate-42', 'migrate-41']);
  });

  it('picks the Job that ran before a crashed writer\'s NOT NULL refusals, dated by the line its traceback belongs to', () => {
    const stamp = (m: number) => minutesAgo(m).slice(0, 19).replace('T', ' ');
    const crashed = [{ pod: 'importer-0', container: 'app', previous: true, lines: [`${stamp(20)},100 ERROR importer.store insert failed`, 'Traceback (most recent call last):', 'psycopg2.errors.NotNullViolation: null value in column "carrier_code" of relation "parcels" violates not-null constraint'] }];
    const jobs = [run('migrate-43', 25), run('nightly-report', 10), run('migrate-41', 300)];
    expect(pickMigrationJobRuns({ logs: crashed, namespaceJobs: { jobs, complete: true } }).map((j) => j.name)).toEqual(['migrate-43']);
  });

  it('picks none while the logs show no schema-change failure', () => {
    const other = [{ pod: 'api-0', container: 'app', previous: false, lines: ['ERROR: canceling statement due to statement timeout'] }];
    expect(pickMigrationJobRuns({ logs: other, namespaceJobs: { jobs: [run('migrate-42', 40)], complete: true } })).toEqual([]);
  });

  it('keeps the lines of each migration tool that name what it applied, and DDL', () => {
    const kept = keepMigrationLines([
      '2026/11/21 02:30:01 Start buffering 147/u add_reserved_qty',
      '2026/11/21 02:30:21 Finished 147/u add_reserved_qty (read 3.9ms, ran 24.1s)',
      'Migrating schema "public" to version "148 - drop legacy sku"',
      'INFO  [alembic.runtime.migration] Running upgrade a1b2 -> c3d4, add reserved qty',
      '== 20261121093000 AddReservedQty: migrated (0.0123s) ==',
      'executing: ALTER TABLE stock_items ADD COLUMN reserved_qty integer NOT NULL DEFAULT 0',
      'Closing source and database',
    ]);
    expect(kept).toHaveLength(5);
    expect(kept.join('\n')).not.toMatch(/Start buffering|Closing/);
  });

  it('says which Job applied which migration, and when it completed', () => {
    const said = describeMigrationRuns([{ job: 'inventory-migrate-1', pod: 'inventory-migrate-1-x', container: 'migrate', finishedAt: minutesAgo(40), lines: ['2026/11/21 02:30:21 Finished 147/u add_reserved_qty (read 3.9ms, ran 24.1s)'] }], NOW);
    expect(said).toBe('Job inventory-migrate-1 applied 147/u add_reserved_qty (completed 40m ago)');
    const ddl = describeMigrationRuns([{ job: 'm', pod: 'm-x', container: 'c', lines: ['psql: ALTER TABLE stock_items ADD COLUMN reserved_qty integer'] }], NOW);
    expect(ddl).toBe('Job m ran ALTER TABLE stock_items ADD COLUMN reserved_qty integer');
  });

  it('picks the Job that ran before statements failed on a table dropped under them (XX000)', () => {
    const dropped = (m: number) => `{"time":"${minutesAgo(m)}","level":"error","msg":"query failed","err":{"message":"could not open relation with OID 40213","code":"XX000"}}`;
    const swapped = [{ pod: 'api-0', container: 'app', previous: false, lines: [dropped(12), dropped(3)] }];
    const jobs = [run('nightly-report', 300), run('rollup-refresh-7', 13)];
    expect(pickMigrationJobRuns({ logs: swapped, namespaceJobs: { jobs, complete: true } }).map((j) => j.name)).toEqual(['rollup-refresh-7']);
  });

  it('names first the DDL statement asked for (the DROP that broke the clients), else the first', () => {
    const lines = ['INFO CREATE TABLE ledger_rollup_next (LIKE ledger_rollup INCLUDING ALL)', 'INFO DROP TABLE ledger_rollup', 'INFO ALTER TABLE ledger_rollup_next RENAME TO ledger_rollup'];
    const runs = [{ job: 'rollup-refresh-7', pod: 'rollup-refresh-7-x', container: 'c', lines }];
    expect(describeMigrationRuns(runs, NOW, /\bDROP TABLE\b/)).toBe('Job rollup-refresh-7 ran DROP TABLE ledger_rollup');
    expect(describeMigrationRuns(runs, NOW)).toBe('Job rollup-refresh-7 ran CREATE TABLE ledger_rollup_next (LIKE ledger_rollup INCLUDING ALL)');
  });
});
