/**
 * The kubelet's native gRPC probe (`grpc:` in a probe) always dials plaintext: it has no TLS
 * setting. When the app starts serving TLS on the probed port, every probe fails — the server logs
 * Go's "tls: first record does not look like a TLS handshake" for each, the kubelet reports "error
 * reading server preface" — so the pod never turns Ready and liveness restarts it, however well it
 * serves. Restarts and longer timeouts change nothing; the probe has to change.
 */
import type { ContainerSpecEvidence, ProbeEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';

/** What a TLS server logs for a plaintext client (Go's crypto/tls, OpenSSL, Java's JSSE, Netty). */
const PLAINTEXT_REFUSED = /first record does not look like a TLS handshake|SSL routines[^\n]*(?:wrong version number|http request)|Unrecognized SSL message, plaintext connection|NotSslRecordException/i;
/** What the kubelet's gRPC probe reports when the server hangs up on its plaintext HTTP/2 preface. */
const NO_PREFACE = /error reading server preface|connection closed before server preface received/i;
/** The app says it serves TLS. */
const SERVES_TLS = /"tls"\s*:\s*true|\btls=true\b|\bTLS (?:enabled|on)\b|transport credentials[^\n]*\btls\b/i;

export interface GrpcProbeOnTls {
  /** The probed port, when the probe's port resolves. */
  port?: number;
  /** The probes of the container that are native gRPC probes on that port. */
  kinds: ('readiness' | 'liveness' | 'startup')[];
  /** The line that shows it: the server refusing the plaintext probe, or saying it serves TLS. */
  line: string;
}

/** The container's native gRPC probes meeting a TLS server, from its log and the probes' failure messages; undefined when they do not. */
export function findGrpcProbeOnTls(
  spec: Pick<ContainerSpecEvidence, 'probes'>,
  lines: readonly string[],
  messages: string,
  portOf: (probe: ProbeEvidence) => number | undefined,
): GrpcProbeOnTls | undefined {
  const probes = (['readiness', 'liveness', 'startup'] as const).flatMap((k) => {
    const p: ProbeEvidence | undefined = spec.probes[k];
    return p?.type === 'grpc' ? [{ kind: k, probe: p }] : [];
  });
  const first = probes[0];
  if (first === undefined) return undefined;
  const refused = lines.find((l) => PLAINTEXT_REFUSED.test(l));
  const line = refused ?? (NO_PREFACE.test(messages) ? lines.find((l) => SERVES_TLS.test(l)) : undefined);
  if (line === undefined) return undefined;
  const port = portOf(first.probe);
  const kinds = probes.filter((p) => portOf(p.probe) === port).map((p) => p.kind);
  return { ...(port !== undefined ? { port } : {}), kinds, line };
}

/** The probe's half of the story, for a probe finding. */
export function explainGrpcProbeOnTls(found: GrpcProbeOnTls): ProbeMiss {
  const at = found.port === undefined ? 'its gRPC port' : `:${found.port}`;
  return {
    scope: `the kubelet's native gRPC probe dials ${at} in plaintext, and the app serves TLS there`,
    why: `the ${found.kinds.join(' and ')} probe${found.kinds.length === 1 ? ' is a' : 's are'} kubelet native gRPC probe${found.kinds.length === 1 ? '' : 's'}, which cannot speak TLS; the app serves TLS on ${at}, so it refuses every probe`,
    fix: fixFor(found),
    decisive: found.line.trim(),
  };
}

export function fixFor(found: GrpcProbeOnTls): string {
  const at = found.port === undefined ? '' : ` than :${found.port}`;
  return `probe a plaintext health port other${at || ' than the TLS port'}, or replace the grpc probe with an exec probe (grpc_health_probe -tls …)`;
}
