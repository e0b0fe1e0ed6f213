import { describe, expect, it } from 'vitest';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';

const FLYWAY = [
  '2026-12-04T23:52:10.100+00:00 ERROR 1 --- [svc] [           main] o.s.boot.SpringApplication               : Application run failed',
  '',
  "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource [FlywayAutoConfiguration.class]: Validate failed: Migrations have failed validation",
  'Migration checksum mismatch for migration version 42',
  '-> Applied to database : 1484021397',
  '-> Resolved locally    : -902177349',
  'Either revert the changes to the migration, or run repair to update the schema history.',
  '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
  'Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation',
  'Migration checksum mismatch for migration version 42',
  '-> Applied to database : 1484021397',
  '-> Resolved locally    : -902177349',
  'Either revert the changes to the migration, or run repair to update the schema history.',
  '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
  '\t... 18 common frames omitted',
];

describe('pickDecisiveLine: a generic wrapper followed by the specific reason', () => {
  it('quotes the line of the same error block that says what failed validation', () => {
    expect(pickDecisiveLine(FLYWAY)).toBe('Migration checksum mismatch for migration version 42');
  });

  it('keeps a generic line when nothing specific follows it in its block', () => {
    const lines = ['Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation', '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)', '2026-12-04T23:52:10Z INFO next record'];
    expect(pickDecisiveLine(lines)).toMatch(/FlywayValidateException: Validate failed/);
  });

  it('leaves a specific exception line alone even when more lines follow it', () => {
    const lines = ['Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app"', 'Hint: check the secret'];
    expect(pickDecisiveLine(lines)).toMatch(/password authentication failed/);
  });
});

describe('pickDecisiveLine: Node.js code frames', () => {
  const crash = (reason: string) => [
    '{"level":30,"time":1764892800000,"pid":1,"hostname":"api-1","msg":"export requested","locale":"pt-BR"}',
    'node:internal/process/promises:288',
    '            triggerUncaughtException(err, true /* fromPromise */);',
    '            ^',
    '',
    `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".] {`,
    "  code: 'ERR_UNHANDLED_REJECTION'",
    '}',
    '',
    'Node.js v18.20.4',
  ];

  it('never quotes the source line a caret points at; an unhandled rejection is told by its reason', () => {
    expect(pickDecisiveLine(crash('template not found: de/x.hbs'))).toBe('UnhandledPromiseRejection: template not found: de/x.hbs (ERR_UNHANDLED_REJECTION)');
  });

  it('quotes the thrown Error when a rejection carried one', () => {
    const lines = ['node:internal/process/promises:288', '            triggerUncaughtException(err, true /* fromPromise */);', '            ^', '', 'TypeError: Cannot read properties of undefined (reading \'id\')', '    at loadUser (/app/dist/users.js:14:22)', '', 'Node.js v20.11.1'];
    expect(pickDecisiveLine(lines)).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
  });
});

describe('pickDecisiveLine: an HTTP client that says only the status the server answered', () => {
  it("quotes the server's own error that follows the driver's \"returned response code 500\"", () => {
    const lines = [
      '2026-11-21 02:51:07,201 ERROR api.reports [req=4c1e0f] report cohort failed after 2.84s',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/clickhouse_connect/driver/httpclient.py", line 385, in _error_handler',
      '    raise OperationalError(err_str) if retried else DatabaseError(err_str) from None',
      'clickhouse_connect.driver.exceptions.DatabaseError: HTTPDriver for http://ch.analytics.svc.cluster.local:8123 returned response code 500)',
      ' Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 9.31 GiB, maximum: 9.31 GiB. (MEMORY_LIMIT_EXCEEDED)',
      'INFO:     10.0.4.7:40312 - "POST /v1/reports/cohort/run HTTP/1.1" 500 Internal Server Error',
    ];
    expect(pickDecisiveLine(lines)).toMatch(/^Code: 241\. DB::Exception: Memory limit \(for query\) exceeded/);
  });

  it('keeps the status line when the next record follows it', () => {
    const lines = ['some.Client.HttpError: request to http://search:9200 returned response code 503', '2026-11-21T02:51:07Z INFO next record'];
    expect(pickDecisiveLine(lines)).toMatch(/returned response code 503$/);
  });
});
