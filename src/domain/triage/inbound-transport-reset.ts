/**
 * A server's own transport logging that a connection it ACCEPTED was reset while it read it:
 * gRPC-java's NettyServerTransport "Transport failed" with "java.io.IOException: Connection reset by
 * peer" under a read frame. A client connected and went away without a word — a TCP health check,
 * a blackbox exporter's tcp_connect probe, a load balancer, a port scanner — so no call of the
 * service failed. The same reset under the service's own client (NettyClientHandler, ClientCalls) is
 * the dependency it calls dropping it, and stays a dependency failure.
 *
 * The record (the logged line with its stack, client-abort.ts's splitRecords) says which side: the
 * logger of the line and the frames under it.
 */
import { splitRecords } from './client-abort.js';

/** The peer went away. */
const RESET = /\bConnection reset by peer\b|\bECONNRESET\b/i;

/** Loggers and frames of a server's accepting transport: gRPC-java's Netty server (shaded or not, abbreviated by Logback). */
const SERVER_TRANSPORT = /\b(?:[a-z]\.)*NettyServer(?:Transport|Handler)\b/;

/** Frames of the service's own client: then the reset is on a call it made. */
const OWN_CLIENT = /\bNettyClient(?:Transport|Handler)\b|\bio\.grpc\.stub\.ClientCalls\b|\bClientCallImpl\b|\bManagedChannel/;

/** Whether one record (a line and its stack) is a reset of a connection the server accepted. */
export function isInboundTransportResetRecord(text: string): boolean {
  return RESET.test(text) && SERVER_TRANSPORT.test(text) && !OWN_CLIENT.test(text);
}

/** The indexes of the lines that belong to records of inbound connections reset by their client. */
export function listInboundTransportResetLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of splitRecords(lines)) {
    if (isInboundTransportResetRecord(lines.slice(r.start, r.end).join('\n'))) for (let i = r.start; i < r.end; i++) out.add(i);
  }
  return out;
}

/** How many records of one log tail are inbound connections reset by their client. */
export function countInboundTransportResets(lines: readonly string[]): number {
  return splitRecords(lines).filter((r) => isInboundTransportResetRecord(lines.slice(r.start, r.end).join('\n'))).length;
}
