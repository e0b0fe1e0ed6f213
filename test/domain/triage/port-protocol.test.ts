import { describe, expect, it } from 'vitest';
import { findMismatchLines, readPortProtocol } from '../../../src/domain/triage/port-protocol.js';

describe('readPortProtocol', () => {
  it.each([
    ['http', 'http'], ['http-api', 'http'], ['web', 'http'], ['grpc', 'grpc'], ['grpc-internal', 'grpc'], ['GRPC', 'grpc'], ['kubernetes.io/h2c', undefined],
    ['http2', undefined], ['https', undefined], ['grpc-web', undefined], ['h2c', undefined], ['metrics', undefined], ['tcp', undefined], [undefined, undefined],
  ])('reads %s as %s', (word, protocol) => {
    expect(readPortProtocol(word)).toBe(protocol);
  });
});

describe('findMismatchLines', () => {
  const log = (lines: string[]) => ({ pod: 'fx-rates-7d9f-abcde', container: 'app', previous: false, lines });

  it('finds a gRPC server sent HTTP/1.1 and an HTTP/1.1 server sent the HTTP/2 preface, and nothing else', () => {
    const hits = findMismatchLines([
      log([
        '2026/11/21 03:13:00 WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET /v1/rates H\\""',
        'io.netty.handler.codec.http2.Http2Exception: Unexpected HTTP/1.x request: GET /v1/quotes',
        '10.0.3.17 - - [21/Nov/2026:03:12:09 +0000] "PRI * HTTP/2.0" 400 157 "-" "-"',
        '2026/11/21 03:11:00 INFO GET /healthz 200 0ms ua=kube-probe/1.31',
        // The workload's own outbound call failing is about a dependency, not about what it is sent.
        '{"level":"error","msg":"GetRate failed","err":"rpc error: code = Unavailable desc = connection error: desc = \\"error reading server preface: http2: frame too large, note that the frame header looked like an HTTP/1.1 header\\""}',
      ]),
    ]);
    expect(hits.map((h) => [h.server, h.client])).toEqual([['grpc', 'http'], ['grpc', 'http'], ['http', 'grpc']]);
  });
});
