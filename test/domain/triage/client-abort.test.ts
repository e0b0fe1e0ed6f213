// A client hanging up before the service finished its answer makes the server's next write fail:
// Tomcat's ClientAbortException, a "Broken pipe" under the response's output stream or an SSE
// emitter, Jetty's EofException, Node's aborted request. Frameworks log it at ERROR with a stack, yet
// it is the caller's doing: such records do not make a ready, restart-free workload failing. The
// same broken pipe on the service's own connection (its database, cache, an upstream) stays an error.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isClientAbortRecord } from '../../../src/domain/triage/client-abort.js';
import { listErrorLines } from '../../../src/domain/triage/error-line.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const spring = (m: number) => minutesAgo(m).replace('Z', '+00:00');

/** Spring MVC's dispatcher logging a response the client stopped reading: the cause on its own line, the frames under it. */
const servletAbort = (m: number): string[] => [
  `${spring(m)} ERROR 1 --- [api] [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed: org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe] with root cause`,
  '',
  'java.io.IOException: Broken pipe',
  '\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)',
  '\tat org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper.doWrite(NioEndpoint.java:1412)',
  '\tat org.apache.catalina.connector.OutputBuffer.flushByteBuffer(OutputBuffer.java:809)',
];

/** An SSE fan-out's own ERROR line, the exception under it, and a chained cause without a word of the client. */
const emitterAbort = (m: number): string[] => [
  `${spring(m)} ERROR 1 --- [stream] [nio-8080-exec-4] c.a.stream.Fanout : failed to deliver event to subscriber; removing emitter`,
  '',
  'java.io.UncheckedIOException: write failed',
  '\tat org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitterReturnValueHandler$HttpMessageConvertingHandler.sendInternal(ResponseBodyEmitterReturnValueHandler.java:239)',
  '\t... 12 common frames omitted',
  'Caused by: java.io.IOException: Broken pipe',
  '\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)',
  '\t... 38 common frames omitted',
];

/** The service's own write to its database failing: a real error, whatever the wording shares. */
const databasePipe = (m: number): string[] => [
  `${spring(m)} ERROR 1 --- [api] [nio-8080-exec-5] o.h.engine.jdbc.spi.SqlExceptionHelper : An I/O error occurred while sending to the backend.`,
  'org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.',
  '\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)',
  'Caused by: java.net.SocketException: Broken pipe',
  '\tat java.base/sun.nio.ch.NioSocketImpl.implWrite(NioSocketImpl.java:413)',
  '\tat org.postgresql.core.PGStream.flush(PGStream.java:724)',
];

describe("a client's hang-up mid-response", () => {
  it('is read from the record, the logged line with its stack, in the servlet containers\', Node\'s and Go\'s words', () => {
    expect(isClientAbortRecord(servletAbort(3).join('\n'))).toBe(true);
    expect(isClientAbortRecord(emitterAbort(3).join('\n'))).toBe(true);
    expect(isClientAbortRecord('2026-11-21 03:10:00.120 WARN [qtp-17] o.e.j.server.HttpChannel : /export org.eclipse.jetty.io.EofException: Closed')).toBe(true);
    expect(isClientAbortRecord('{"level":50,"msg":"request errored","err":{"type":"Error","message":"write EPIPE","stack":"Error: write EPIPE\\n    at ServerResponse.write (node:_http_outgoing:…)\\n    at node:_http_server:…"}}')).toBe(true);
    expect(isClientAbortRecord('{"level":"error","msg":"write response failed","error":"write tcp 10.0.3.7:8080->10.0.9.14:51234: write: broken pipe"}')).toBe(true);
  });

  it('is not a broken pipe on the service\'s own connection to a dependency', () => {
    expect(isClientAbortRecord(databasePipe(3).join('\n'))).toBe(false);
    expect(isClientAbortRecord('java.net.SocketException: Broken pipe (Write failed)\n\tat redis.clients.jedis.util.RedisOutputStream.flush(RedisOutputStream.java:91)')).toBe(false);
    expect(isClientAbortRecord('{"level":"error","msg":"write response failed","error":"write tcp 10.0.3.7:41822->10.0.9.14:5432: write: broken pipe"}')).toBe(false);
    expect(isClientAbortRecord('Caused by: java.io.IOException: Broken pipe')).toBe(false);
  });

  it('leaves its lines out of a log\'s error lines, and keeps the dependency\'s', () => {
    const lines = [...servletAbort(9), ...emitterAbort(8), ...databasePipe(7)];
    expect(listErrorLines(lines)).toEqual([databasePipe(7)[0], databasePipe(7)[1], databasePipe(7)[3]]);
  });

  it('does not make ready pods with no restarts failing, and the all-clear does not name the exception', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const log = (name: string): LogEvidence => ({
      pod: name, container: 'app', previous: false,
      lines: [0, 1, 2, 3, 4, 5].flatMap((i) => (i % 2 === 0 ? servletAbort(50 - i * 7) : emitterAbort(50 - i * 7))),
    });
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => log(p.name)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).not.toMatch(/Broken pipe|ClientAbort/i);
    expect(r.headline).toMatch(/no errors/);
  });
});
