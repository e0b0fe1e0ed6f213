/**
 * A gRPC client that sends all its calls over one HTTP/2 connection (one channel to a ClusterIP:
 * one connection, pinned to one server pod) against a server that advertises
 * MAX_CONCURRENT_STREAMS (grpc-go's MaxConcurrentStreams, a --grpc-max-concurrent-streams flag):
 * once more calls are in flight than the limit, the rest wait in the client for a free stream
 * (grpc-java buffers them) until their deadline, and fail with DEADLINE_EXCEEDED — logged at WARN
 * by most callers — while the server handles each call fast and sits mostly idle. The deadline
 * alone says nothing of why; the server's own stream-limit setting and the client's one
 * connection do. Pure: patterns, the client's address and the words of the finding.
 */
import type { ContainerEvidence } from './evidence-pod.js';

/** A call that ran out of its deadline, as gRPC libraries word the status (Java, Go, Python, Node). */
export const GRPC_DEADLINE = /\bDEADLINE_EXCEEDED\b|\bcode = DeadlineExceeded\b|StatusCode\.DEADLINE_EXCEEDED/;

/** The server flags (or config keys) that set the streams it allows per connection. */
export const STREAM_LIMIT_SETTINGS = ['grpc-max-concurrent-streams', 'max-concurrent-streams', 'max_concurrent_streams', 'grpc.max_concurrent_streams'] as const;

/** A gRPC target: dns:///host:port, grpc(s)://host:port, or host:port in an env named after gRPC. */
const TARGET = /^(?:dns:\/\/\/|dns:|grpcs?:\/\/|xds:\/\/\/)?([a-z0-9][a-z0-9.-]*):\d+$/i;
const SCHEMED = /^(?:dns:|grpcs?:\/\/|xds:\/\/\/)/i;

/** The env var that holds the client's gRPC target, and its host. */
export function findGrpcAddress(c: Pick<ContainerEvidence, 'env'>): { env: string; host: string } | undefined {
  for (const e of c.env ?? []) {
    if (!('value' in e)) continue;
    const v = e.value.trim();
    const host = TARGET.exec(v)?.[1];
    if (host && (SCHEMED.test(v) || /GRPC/i.test(e.name))) return { env: e.name, host };
  }
  return undefined;
}

/** grpc-java's deadline message lists the transport's connections: `open=[[remote_addr=…]]`. */
const OPEN_CONNECTIONS = /\bopen=\[(\[[^\]]*\](?:, ?\[[^\]]*\])*)\]/;

/** What the failed lines say of the client's connections: one HTTP/2 connection each, when they show it. */
export function measureConnections(lines: readonly string[]): string {
  const counts = lines.flatMap((l) => {
    const m = OPEN_CONNECTIONS.exec(l);
    return m?.[1] ? [(m[1].match(/\[/g) ?? []).length] : [];
  });
  return counts.length > 0 && counts.every((n) => n === 1) ? 'one HTTP/2 connection per client pod (its failed calls list one open connection)' : '';
}

export const STREAM_LIMIT_LIMITS = 'each HTTP/2 connection to MAX_CONCURRENT_STREAMS: calls past it wait in the client for a free stream until their deadline (DEADLINE_EXCEEDED)';

export const STREAM_LIMIT_CLIENT_SIDE =
  'The server is not slow: it handles the calls it gets quickly, but each client pod sends all of them over one HTTP/2 connection (one channel to a ClusterIP Service is one connection, pinned to one server pod), so no more than the stream limit run at once and the rest queue in the client until the deadline. More load makes the queue longer; the server\'s CPU and the client\'s CPU stay low, so no autoscaler reacts.';

export const STREAM_LIMIT_WHY =
  'The server advertises MAX_CONCURRENT_STREAMS per HTTP/2 connection; the client multiplexes every call over one connection, so calls beyond the limit wait for a free stream in the client until their deadline.';

export const STREAM_LIMIT_FIX =
  'open more connections from the client (a channel pool, or client-side round_robin over a headless Service so each server pod gets its own connection), or raise the server\'s max concurrent streams';
