/**
 * A server that refuses the client certificate the pods present (mTLS). The client sees only the
 * TLS alert the server sent ("remote error: tls: bad certificate"); the server's log says why it
 * refused: an x509 verification error such as "certificate specifies an incompatible key usage" —
 * a certificate issued for server authentication only, without the clientAuth extended key usage
 * a server requires of client certificates. Read when the alert shows (pickCertRefusingServer),
 * told from the server's line (readServerRefusal).
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import { findInClusterService } from './down-service.js';
import { pickEnvDependency } from './env-dependency.js';

/** The alert a TLS server sends when it refuses the client's certificate, in Go's and OpenSSL's words. */
export const PEER_REFUSED_CERT = /remote error: tls: (?:bad certificate|unknown certificate authority|unsupported certificate|certificate required)|alert (?:bad certificate|unknown ca|unsupported certificate)|SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA/i;
/** The server's reason for refusing a certificate: Go's x509 errors, OpenSSL's verify errors. */
const SERVER_REASON = /x509: [^"\\\n]+|certificate verify failed[^"\\\n]*|unsuitable certificate purpose|client didn't provide a certificate/i;
/** Alert lines before it counts: one refused handshake is not an outage. */
const MIN_LINES = 2;
/** The server's lines kept. */
export const MAX_SERVER_LINES = 4;

/** The in-cluster Service the pods' env names as the server that sends the alert, when their logs show it. */
export function pickCertRefusingServer(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; namespace: string }): { name: string; namespace: string } | undefined {
  const hits = seen.logs.flatMap((l) => l.lines.filter((line) => PEER_REFUSED_CERT.test(line)).map((line) => ({ log: l, line })));
  if (hits.length < MIN_LINES) return undefined;
  const first = hits[0];
  const container: ContainerSpecEvidence | undefined = seen.pods.find((p) => p.name === first?.log.pod)?.containers.find((c) => c.name === first?.log.container);
  const dep = pickEnvDependency(container, hits.map((h) => h.line));
  return dep === undefined ? undefined : findInClusterService(dep.host, seen.namespace);
}

/** The lines of the server's log that say why it refused a certificate (the newest few). */
export function keepServerRefusalLines(lines: readonly string[]): string[] {
  return lines.filter((l) => SERVER_REASON.test(l)).slice(-MAX_SERVER_LINES);
}

export interface ServerRefusal {
  /** "x509: certificate specifies an incompatible key usage". */
  reason: string;
  /** What is wrong with the client's certificate, in words, when the reason says it. */
  meaning?: string;
  /** What to re-issue it with, when the reason says it. */
  remedy?: string;
}

/** The server's reason, from its newest line, and what it means for the client's certificate. */
export function readServerRefusal(lines: readonly string[]): ServerRefusal | undefined {
  const reason = [...lines].reverse().map((l) => SERVER_REASON.exec(l)?.[0]?.trim()).find((r) => r !== undefined);
  if (reason === undefined) return undefined;
  if (/incompatible key usage|unsuitable certificate purpose/i.test(reason)) {
    return {
      reason,
      meaning: 'the client certificate is not valid for client authentication: its extended key usage lacks clientAuth (TLS Web Client Authentication), which the server requires of client certificates',
      remedy: 'with the clientAuth extended key usage',
    };
  }
  if (/unknown authority|unable to get local issuer/i.test(reason)) return { reason, meaning: 'the client certificate is signed by a CA the server does not trust for client certificates', remedy: 'by the CA the server trusts (or add its CA to the server\'s client CA bundle)' };
  if (/expired|not yet valid/i.test(reason)) return { reason, meaning: 'the client certificate is outside its validity period', remedy: 'with a current validity period' };
  return { reason };
}
