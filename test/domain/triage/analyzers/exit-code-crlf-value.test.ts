import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// A properties file saved with Windows line endings: every value ends in a carriage return, and
// the framework's failure report names the value on a line after the one that decides the crash.
const REPORT = [
  '***************************',
  'APPLICATION FAILED TO START',
  '***************************',
  '',
  'Description:',
  '',
  "Failed to bind properties under 'shop.client.read-timeout-ms' to int:",
  '',
  '    Property: shop.client.read-timeout-ms',
  '    Value: "1500\r"',
  '    Origin: URL [file:/etc/app/app.properties] - 3:29',
  '    Reason: failed to convert java.lang.String to int (caused by java.lang.NumberFormatException: For input string: "1500\r")',
  '',
  'Action:',
  '',
  "Update your application's configuration",
];

describe('a value with a carriage return, named on a line after the deciding one', () => {
  it('names the value with its carriage return and the CRLF line endings, and quotes the report up to the value', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: REPORT }));
    expect(f?.title).toBe('Container app exits with code 1 on 1/5 pods: it cannot parse "1500\\r" (a trailing carriage return: saved with Windows CRLF line endings)');
    expect(f?.decisive).toBe("Failed to bind properties under 'shop.client.read-timeout-ms' to int: Property: shop.client.read-timeout-ms; Value: \"1500\\r\"");
    expect(f?.nextAction).toMatch(/LF line endings/);
  });

  it('finds the value on the report line after the deciding one when the joined line is cut before it', () => {
    const long = `shop.client.${'downstream-'.repeat(12)}read-timeout-ms`;
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: REPORT.map((l) => l.replaceAll('shop.client.read-timeout-ms', long)) }));
    expect(f?.title).toMatch(/it cannot parse "1500\\r" \(a trailing carriage return: saved with Windows CRLF line endings\)$/);
    expect(f?.decisive).not.toMatch(/caused by/);
  });
});
