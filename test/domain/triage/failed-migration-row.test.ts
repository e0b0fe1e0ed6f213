// A schema tool refusing every start over a migration an earlier run left failed (Flyway's failed
// row, golang-migrate's dirty version): the line every run logs now is a consequence; what the first
// run failed on is the cause, quoted when a log still has it, else read from what the migration does.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { findFailedMigrationRow, findFirstFailure } from '../../../src/domain/triage/failed-migration-row.js';
import { terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const validating = (version: string, description: string, db = 'jdbc:mariadb://catalog-db:3306/catalog (MariaDB 10.11)') => [
  `2026-11-21T03:12:40.100Z  INFO 1 --- [main] o.f.c.i.database.base.BaseDatabaseType : Database: ${db}`,
  '2026-11-21T03:12:40.300Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed',
  'org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation',
  `Detected failed migration to version ${version} (${description}).`,
  'Please remove any half-completed changes then run repair to fix the schema history.',
  '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
];

const GOLANG_DIRTY = ['2026-11-21T03:12:40Z error: Dirty database version 7. Fix and force version.'];

describe('findFailedMigrationRow', () => {
  it('reads the version, its description and a database without transactional DDL', () => {
    expect(findFailedMigrationRow(validating('12', 'not null sku'))).toEqual({ tool: 'Flyway', version: '12', description: 'not null sku', line: 'Detected failed migration to version 12 (not null sku).', database: 'MariaDB' });
    expect(findFailedMigrationRow(GOLANG_DIRTY)).toMatchObject({ tool: 'golang-migrate', version: '7' });
    expect(findFailedMigrationRow(['Migration checksum mismatch for migration version 17'])).toBeUndefined();
  });

  it('finds what the first run failed on in any log that still has it', () => {
    const row = findFailedMigrationRow(validating('12', 'unique sku'));
    const earlier = [
      'ERROR 1 --- [main] o.f.core.internal.command.DbMigrate : Migration of schema `catalog` to version "12 - unique sku" failed! Please restore backups and roll back database and code!',
      'SQL State  : 23000',
      "Message    : Duplicate entry 'AB-1' for key 'products.uq_products_sku'",
    ];
    expect(row && findFirstFailure([{ pod: 'p-0', container: 'app', previous: true, lines: earlier }], row)).toBe("Duplicate entry 'AB-1' for key 'products.uq_products_sku'");
    expect(row && findFirstFailure([{ pod: 'p-0', container: 'app', previous: true, lines: validating('12', 'unique sku') }], row)).toBeUndefined();
  });
});

describe('analyzeExitCodes: a migration an earlier run left failed', () => {
  it('names the failed migration, and for a unique constraint the duplicate rows it fails on, with repair as the way forward', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: validating('12', 'unique sku') }));
    expect(f?.title).toContain('Flyway refuses to start over failed migration 12 ("unique sku"), left by an earlier run; it adds a unique constraint, which fails on rows that already hold duplicate values');
    expect(f?.decisive).toBe('Detected failed migration to version 12 (unique sku).');
    expect(f?.likelyCause).toMatch(/MariaDB does not roll DDL back/);
    expect(f?.likelyCause).toMatch(/kubelet keeps only the last run's log, and the container has restarted 7 times/);
    expect(f?.fix).toMatch(/deduplicate those rows, undo its half-applied change, then `flyway repair`/);
    expect(f?.confidence).toBe('high');
  });

  it('says to read the first error when the migration says nothing of what it does, and fixes a dirty golang-migrate version by force', () => {
    const [plain] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: validating('12', 'rename columns') }));
    expect(plain?.likelyCause).toMatch(/read it in the log store/);
    expect(plain?.fix).toMatch(/^fix what the first run failed on/);
    const [dirty] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: GOLANG_DIRTY }));
    expect(dirty?.fix).toContain('`migrate force 6`');
  });
});
