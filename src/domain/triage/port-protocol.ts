/**
 * What a port speaks, told by its name or appProtocol, and the log lines a server writes when a
 * caller speaks something else: HTTP/1.1 sent to a gRPC (HTTP/2) server, the HTTP/2 preface
 * sent to an HTTP/1.1 server.
 */
import type { LogEvidence } from './evidence.js';

export type PortProtocol = 'http' | 'grpc';

export const PROTOCOL_NAMES: Record<PortProtocol, string> = { http: 'HTTP', grpc: 'gRPC' };

/**
 * The protocol a port name or appProtocol declares, by the convention Istio and Linkerd read
 * (`http`, `http-api`, `grpc`, `grpc-internal`); undefined when it does not say. HTTP/2, h2c,
 * grpc-web and TLS carry either protocol, so they declare nothing that could clash.
 */
export function readPortProtocol(word: string | undefined): PortProtocol | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/^kubernetes\.io\//, '');
  if (/^grpc(-web\b)/.test(w)) return undefined;
  if (/^grpc($|-)/.test(w)) return 'grpc';
  if (/^(http|web)($|-)/.test(w)) return 'http';
  return undefined;
}

interface Mismatch {
  pattern: RegExp;
  /** What the process that logged it serves, and what reached it. */
  server: PortProtocol;
  client: PortProtocol;
}

/**
 * Lines only a protocol mismatch makes a server write. Only the server's side: a client-side
 * error in the workload's own logs is about a call it makes, not about the traffic it is sent.
 */
const MISMATCHES: readonly Mismatch[] = [
  // grpc-go and grpc-java (Netty) servers, reached by an HTTP/1.1 request.
  { pattern: /received bogus greeting from client|Unexpected HTTP\/1\.x request/i, server: 'grpc', client: 'http' },
  // An HTTP/1.1 server's access log (nginx, Apache) when a gRPC client opens with the HTTP/2 preface.
  { pattern: /"PRI \* HTTP\/2\.0" 400/, server: 'http', client: 'grpc' },
];

export interface MismatchLine {
  log: LogEvidence;
  line: string;
  server: PortProtocol;
  client: PortProtocol;
}

/** Every line of these logs where a server says a caller spoke another protocol. */
export function findMismatchLines(logs: readonly LogEvidence[]): MismatchLine[] {
  return logs.flatMap((log) =>
    log.lines.flatMap((line) => {
      const m = MISMATCHES.find((x) => x.pattern.test(line));
      return m ? [{ log, line: line.trim(), server: m.server, client: m.client }] : [];
    }),
  );
}
