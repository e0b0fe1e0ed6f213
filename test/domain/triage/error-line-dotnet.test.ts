// .NET's loggers write their level their own way: the console logger as a lower-case header
// (`fail: Category[EventId]`, the message and exception indented below it), the systemd formatter as
// a syslog priority, the JSON formatter as "LogLevel", Serilog as ERR/FTL. Error and Critical report
// a failure; Warning, Information, Debug and Trace do not. An exception's namespace is PascalCase
// (System.Net.Http…), unlike a JVM package.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isErrorLine, listErrorLines } from '../../../src/domain/triage/error-line.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

const STARTUP = [
  'info: Microsoft.Hosting.Lifetime[14]',
  '      Now listening on: http://[::]:8080',
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Application started. Press Ctrl+C to shut down.',
  'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
  '      No XML encryptor configured. Key {00000000-0000-0000-0000-000000000001} may be persisted to storage in unencrypted form.',
];

function failingLog(podName: string): LogEvidence {
  const lines = [...STARTUP];
  for (let i = 0; i < 6; i++) {
    lines.push(
      'fail: Sample.Worker.OrderHandler[12]',
      `      Handling order ${1000 + i} failed`,
      '      System.InvalidOperationException: The order could not be priced',
      '       ---> System.Collections.Generic.KeyNotFoundException: The given key \'tier-7\' was not present in the dictionary.',
      '         at System.Collections.Generic.Dictionary`2.get_Item(TKey key)',
      '         at Sample.Worker.OrderHandler.HandleAsync(Order order) in /src/Worker/OrderHandler.cs:line 41',
    );
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

function quietLog(podName: string): LogEvidence {
  const lines = [...STARTUP];
  for (let i = 0; i < 6; i++) {
    lines.push(
      'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
      `      Request finished HTTP/1.1 GET http://10.0.0.${i}/api/items/${i} - 200 - application/json 12.${i}ms`,
      'warn: Sample.Worker.PriceCache[4]',
      '      Price cache is 90 s old; refreshing in the background',
      'info: Sample.Worker.OrderHandler[3]',
      `      Order ${2000 + i} handled after a retry of System.Net.Http.HttpRequestException`,
      'dbug: Microsoft.EntityFrameworkCore.Infrastructure[10403]',
      '      Entity Framework Core initialized.',
    );
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

describe(".NET's log records", () => {
  it('counts console fail and crit records, time-stamped or not, and the other formatters\' Error and Critical', () => {
    expect(isErrorLine('fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]')).toBe(true);
    expect(isErrorLine('crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]')).toBe(true);
    expect(isErrorLine('2026-11-21T03:12:40.123Z fail: Sample.Api.Controllers.ItemsController[0] lookup failed')).toBe(true);
    expect(isErrorLine('<3>Sample.Worker.OrderHandler[12] Handling order 1000 failed')).toBe(true);
    expect(isErrorLine('{"EventId":12,"LogLevel":"Error","Category":"Sample.Worker.OrderHandler","Message":"Handling order 1000 failed"}')).toBe(true);
    expect(isErrorLine('[03:12:40 ERR] Handling order 1000 failed')).toBe(true);
  });

  it('counts an unhandled exception printed at the start of a line, PascalCase namespace and all', () => {
    expect(isErrorLine('Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Sample.IClock\'')).toBe(true);
    expect(isErrorLine('System.Net.Http.HttpRequestException: Connection refused (inventory:8080)')).toBe(true);
  });

  it('leaves warn, info, dbug and trce records alone, and an exception an info or warn line names', () => {
    for (const l of [
      'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
      'info: Microsoft.Hosting.Lifetime[0]',
      'dbug: Microsoft.EntityFrameworkCore.Infrastructure[10403]',
      'trce: Sample.Worker.OrderHandler[1]',
      '2026-11-21T03:12:40.123Z info: Sample.Worker.OrderHandler[3] Order 2000 handled after a retry of System.Net.Http.HttpRequestException',
      '<4>Sample.Worker.OrderHandler[3] retrying',
      '{"EventId":3,"LogLevel":"Warning","Category":"Sample.Worker.OrderHandler","Message":"retrying"}',
      '[03:12:40 WRN] retrying after System.Net.Http.HttpRequestException',
      'policy sample-policy/sample-rule fail: validation error: Running as root is not allowed.',
    ]) expect(isErrorLine(l), l).toBe(false);
  });

  it('reads a fail record as one error line that says why (its innermost exception), not its bare header', () => {
    const errors = listErrorLines(failingLog('p').lines);
    expect(errors).toHaveLength(6);
    expect(errors[0]).toContain("KeyNotFoundException: The given key 'tier-7' was not present");
  });

  it('does not call a Ready .NET workload whose logs carry fail records healthy', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.map((p) => failingLog(p.name)) }), times);
    expect(r.verdict).not.toBe('healthy');
    expect(r.findings.some((f) => f.evidence.some((e) => e.includes('tier-7')))).toBe(true);
  });

  it('leaves a Ready .NET workload whose logs carry only info, warn and dbug records healthy', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.map((p) => quietLog(p.name)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/no errors/);
  });
});
