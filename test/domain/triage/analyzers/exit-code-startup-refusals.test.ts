import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { findRuntimeMove } from '../../../../src/domain/triage/unhandled-rejection-exit.js';
import { REV6, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const FLYWAY_LOG = [
  '2026-11-21T03:12:40.100Z  INFO 1 --- [main] org.flywaydb.core.FlywayExecutor : Database: jdbc:postgresql://db:5432/payments (PostgreSQL 15.8)',
  '2026-11-21T03:12:40.300Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed',
  'Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation',
  'Migration checksum mismatch for migration version 17',
  '-> Applied to database : 1484021397',
  '-> Resolved locally    : -902177349',
  'Either revert the changes to the migration, or run repair to update the schema history.',
  '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
];

const LIQUIBASE_LOG = [
  'Caused by: liquibase.exception.ValidationFailedException: Validation Failed:',
  '     1 changesets check sum',
  '          db/changelog/master.yaml::17-add-index::alice was: 9:1a2b but is now: 9:3c4d',
];

const node = (reason: string) => [
  '{"level":30,"time":1795219440000,"pid":1,"hostname":"api-0","msg":"report requested","format":"pdf"}',
  'node:internal/process/promises:288',
  '            triggerUncaughtException(err, true /* fromPromise */);',
  '            ^',
  '',
  `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".] {`,
  "  code: 'ERR_UNHANDLED_REJECTION'",
  '}',
  '',
  'Node.js v20.11.1',
];

describe('analyzeExitCodes: a schema migration edited after it was applied', () => {
  it('names the Flyway checksum mismatch and its version, and fixes it with a new migration', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: FLYWAY_LOG }));
    expect(f?.title).toContain('Flyway checksum mismatch, migration V17 was edited after it was applied');
    expect(f?.decisive).toBe('Migration checksum mismatch for migration version 17');
    expect(f?.fix).toMatch(/revert the edit to Flyway migration V17 and put the change in a new migration \(`flyway repair` if/);
    expect(f?.evidence.join('\n')).toContain('applied with checksum 1484021397, the image\'s copy has -902177349');
    expect(f?.confidence).toBe('high');
  });

  it('names the Liquibase changeset whose check sum changed', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: LIQUIBASE_LOG }));
    expect(f?.title).toContain('Liquibase checksum mismatch, changeset db/changelog/master.yaml::17-add-index::alice was edited');
    expect(f?.fix).toContain('liquibase clear-checksums');
  });
});

describe('analyzeExitCodes: a Node.js process ended by an unhandled promise rejection', () => {
  it('says the rejection is fatal on this Node.js, and names the code path logged just before the crash', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 2), { logs: node('no template for de-CH') }));
    expect(f?.title).toContain(': an unhandled promise rejection, fatal on Node.js v20.11.1');
    expect(f?.decisive).toBe('UnhandledPromiseRejection: no template for de-CH (ERR_UNHANDLED_REJECTION)');
    expect(f?.evidence).toContain('last log record before the crash: report requested (format pdf)');
    expect(f?.fix).toBe('catch the rejection in the code path that logs "report requested" (stopgap: NODE_OPTIONS=--unhandled-rejections=warn)');
    expect(f?.likelyCause).toContain('since Node.js 15 the default --unhandled-rejections=throw ends the process');
  });

  it('tells a revision that moved Node.js across 15, from the image or NODE_VERSION, and not a move between two fatal majors', () => {
    const rev = (n: number, image: string, env: { name: string; value: string }[] = []) => revision({ ...REV6, revision: n }, minutesAgo(100 - n), { containers: [revisionContainer({ image, env })] });
    expect(findRuntimeMove([rev(5, 'node:14-alpine'), rev(6, 'node:18.20.4-alpine')])).toEqual({ revision: 6, from: 14, to: 18, where: 'image node:18.20.4-alpine' });
    expect(findRuntimeMove([rev(5, 'acme/api:1', [{ name: 'NODE_VERSION', value: '14.21.3' }]), rev(6, 'acme/api:2', [{ name: 'NODE_VERSION', value: '20.11.1' }])])).toMatchObject({ from: 14, to: 20 });
    expect(findRuntimeMove([rev(5, 'node:18-alpine'), rev(6, 'node:20-alpine')])).toBeUndefined();
    expect(findRuntimeMove([rev(5, 'acme/api:1'), rev(6, 'acme/api:2')])).toBeUndefined();
  });
});
