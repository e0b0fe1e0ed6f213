import { describe, expect, it } from 'vitest';
import { shortenQuote } from '../../../src/domain/triage/quote-shorten.js';
import { clipAround } from '../../../src/domain/triage/collapse-events.js';

const DI =
  "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Acme.Orders.Clients.IPriceClient' while attempting to activate 'Acme.Orders.Api.Workers.PriceSyncWorker'.";

describe('shortenQuote', () => {
  it('keeps a line that fits whole, prefix and all', () => {
    expect(shortenQuote('Unhandled exception. System.Exception: boom', 170)).toBe('Unhandled exception. System.Exception: boom');
  });

  it('drops the runtime prefix and namespaces before cutting the message', () => {
    const q = shortenQuote(DI, 170);
    expect(q.length).toBeLessThanOrEqual(170);
    expect(q).toContain('Unable to resolve service for type');
    expect(q).toContain('IPriceClient');
    expect(q).not.toContain('…');
    // The old middle cut lost the message's head.
    expect(clipAround(DI, 170)).not.toContain('Unable to resolve service');
  });

  it('shortens a Java exception class and a log prefix only as far as needed', () => {
    const line =
      '2026-03-04T05:06:07.890Z ERROR [main] com.example.app.Boot - Exception in thread "main" java.lang.IllegalStateException: Failed to load ApplicationContext for the ledger profile because the datasource url is missing';
    expect(shortenQuote(line, 170).startsWith('Exception in thread "main" java.lang.IllegalStateException: Failed')).toBe(true);
    const q = shortenQuote(line, 120);
    expect(q.length).toBeLessThanOrEqual(120);
    expect(q.startsWith('IllegalStateException: Failed to load ApplicationContext')).toBe(true);
  });

  it('leaves hosts, paths and versions alone', () => {
    const line = `${'x'.repeat(150)} connect to db.prod.example.internal:5432 from /opt/app/lib/Foo.Bar.Baz failed (v1.2.3)`;
    const q = shortenQuote(line, 400);
    expect(q).toBe(line);
    expect(shortenQuote(line, 170)).toContain('db.prod.example.internal');
  });

  it('still cuts what stays too long', () => {
    const long = `Unhandled exception. System.Exception: ${'word '.repeat(60)}`;
    expect(shortenQuote(long, 170).length).toBeLessThanOrEqual(170);
  });

  it('drops advice and later sentences before cutting the one that says what is wrong', () => {
    const line =
      "Error: The module '/srv/node_modules/imagelib/build/Release/imagelib.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 93. This version of Node.js requires NODE_MODULE_VERSION 111. Please try re-compiling or re-installing the module (for instance, using `npm rebuild` or `npm install`).";
    expect(shortenQuote(line, 170)).toBe(
      "Error: The module '/srv/node_modules/imagelib/build/Release/imagelib.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 93.",
    );
    expect(shortenQuote(line, 260)).toBe(line.slice(0, line.indexOf(' Please')));
  });

  it('keeps the middle cut when the first sentence alone says too little', () => {
    const line = `Startup failed. ${'Caused by a long chain of wrappers around the real reason '.repeat(3)}x509: certificate has expired`;
    expect(shortenQuote(line, 170)).toBe(clipAround(line, 170));
  });

  it("drops the AWS SDK's wrapper before a later sentence that names the value", () => {
    const line =
      'botocore.errorfactory.MessageRejected: An error occurred (MessageRejected) when calling the SendEmail operation: Email address is not verified. The following identities failed the check in region US-EAST-2: ops@example.org';
    expect(shortenQuote(line, 170)).toBe('botocore.errorfactory.MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-2: ops@example.org');
    const other = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied';
    expect(shortenQuote(other, 80)).toContain('ClientError: An error occurred (AccessDenied)');
  });

  it('never passes off a sentence cut upstream as whole', () => {
    const line = `Error: the cache index under /data/cache could not be read back after the restart of the node. ${'Its segment table names a file that is not there any more and '.repeat(3)}…`;
    expect(shortenQuote(line, 170)).toBe('Error: the cache index under /data/cache could not be read back after the restart of the node.');
  });
});
