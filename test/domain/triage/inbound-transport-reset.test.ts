// A server's own transport logging "Connection reset by peer" while it READS a connection it accepted
// (gRPC-java's NettyServerTransport "Transport failed"): a client — a TCP health check, a blackbox
// probe, a scanner — connected and went away. No call of the service failed, so on ready pods it is
// no dependency failure and no error. The same reset under the service's own client stays one.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isInboundTransportResetRecord, listInboundTransportResetLines } from '../../../src/domain/triage/inbound-transport-reset.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const spring = (m: number) => minutesAgo(m).replace('Z', '+00:00');

const serverReset = (m: number): string[] => [
  `${spring(m)}  WARN 1 --- [ntLoopGroup-3-2] i.g.n.s.i.n.NettyServerTransport         : Transport failed`,
  '',
  'java.io.IOException: Connection reset by peer',
  '\tat java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)',
  '\tat java.base/sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)',
  '\tat io.grpc.netty.shaded.io.netty.channel.nio.AbstractNioByteChannel$NioByteUnsafe.read(AbstractNioByteChannel.java:151)',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
];

/** The service's own gRPC call reset by the server it calls: a dependency failure. */
const clientReset = (m: number): string[] => [
  `${spring(m)} ERROR 1 --- [ault-executor-0] c.s.p.RatesClient : rates call failed`,
  'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
  '\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
  'Caused by: java.io.IOException: Connection reset by peer',
  '\tat io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler.channelInactive(NettyClientHandler.java:120)',
];

describe('a reset on a connection the server accepted', () => {
  it('is read from the record of a server transport, not from a client\'s', () => {
    expect(isInboundTransportResetRecord(serverReset(3).join('\n'))).toBe(true);
    expect(isInboundTransportResetRecord(clientReset(3).join('\n'))).toBe(false);
    expect(isInboundTransportResetRecord('java.io.IOException: Connection reset by peer')).toBe(false);
  });

  it('marks the lines of its records only', () => {
    const lines = [...serverReset(5), ...clientReset(4)];
    const marked = listInboundTransportResetLines(lines);
    expect([...marked]).toEqual(serverReset(5).map((_, i) => i));
  });

  it('does not make ready pods answering their requests failing', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const log = (name: string): LogEvidence => ({
      pod: name, container: 'app', previous: false,
      lines: Array.from({ length: 16 }, (_, i) => [
        ...serverReset(8 - i * 0.5),
        `${spring(8 - i * 0.5 - 0.1)}  INFO 1 --- [io-8080-exec-2] c.s.p.api.QuoteController : quote basket=${i} took=14ms status=200`,
      ]).flat(),
    });
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => log(p.name)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).not.toMatch(/dependency|reset by the peer/i);
    expect(r.headline).toMatch(/no errors \(besides 32 inbound connections reset by their clients/);
  });

  it('keeps the service\'s own call reset a dependency failure', () => {
    const pods = [0, 1].map((i) => pod(i));
    const log = (name: string): LogEvidence => ({
      pod: name, container: 'app', previous: false,
      lines: Array.from({ length: 8 }, (_, i) => clientReset(8 - i)).flat(),
    });
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.map((p) => log(p.name)) }), times);
    expect(r.verdict).toBe('problems');
  });
});
