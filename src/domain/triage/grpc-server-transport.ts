// gRPC-go's server transport warns about connections it accepted and could not serve: a client that
// sent something other than the HTTP/2 preface ("bogus greeting", an HTTP/1.1 health check), one
// that closed before its first frame ("http2Server.HandleStreams failed to read frame … reset by
// peer"), a failed TLS handshake. Each is about an inbound connection, never about a call the
// server makes; with GRPC_GO_LOG_VERBOSITY_LEVEL ≥ 2 every health-check probe leaves such a line.

export type GrpcInboundKind = 'not-grpc' | 'closed' | 'handshake';

const KINDS: [GrpcInboundKind, RegExp][] = [
  ['not-grpc', /http2Server\.HandleStreams received bogus greeting from client|bogus greeting from client/],
  ['handshake', /Server\.Serve failed to complete security handshake|http2Server: failed to receive the preface from client/],
  ['closed', /http2Server\b.*(?:failed to read frame|EOF|connection reset by peer|broken pipe)|Server\.Serve failed to create ServerTransport/],
];

/** What a gRPC server-side transport line says of the inbound connection, if it is one. */
export function classifyGrpcServerTransport(line: string): GrpcInboundKind | undefined {
  return KINDS.find(([, re]) => re.test(line))?.[0];
}

/** The request line a non-gRPC client sent, as the bogus greeting quotes it ("GET / HTTP/1.1"). */
export function readBogusGreeting(line: string): string | undefined {
  return /bogus greeting from client: \\*"((?:GET|HEAD|POST|PUT|OPTIONS) \S* HTTP\/1\.[01])/.exec(line)?.[1];
}
