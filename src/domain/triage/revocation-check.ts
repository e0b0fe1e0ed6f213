/**
 * A TLS client that checks its peer's certificate for revocation asks the certificate authority:
 * its OCSP responder or CRL distribution point, HTTP servers on the internet (port 80). The JVM
 * does so when told (-Dcom.sun.net.ssl.checkRevocation=true, -Dcom.sun.security.enableCRLDP=true,
 * ocsp.enable); when it cannot reach them the handshake fails with "Could not determine revocation
 * status", whatever the peer itself allows. What reads it: the failure in the logs and the flags
 * in the containers' spec.
 */
import type { ContainerSpecEvidence } from './evidence.js';

const REVOCATION_FAILURE = /Could not determine revocation status|Unable to (?:fetch|retrieve|download) CRL|OCSP (?:response|responder)[^\n]{0,60}(?:timed out|unreachable|could not|failed)|revocation check(?:ing)? failed/i;
const REVOCATION_FLAG = /-Dcom\.sun\.net\.ssl\.checkRevocation=true|-Dcom\.sun\.security\.enableCRLDP=true|-Docsp\.enable=true|-Djdk\.security\.certpath\.ocsp\w*=\S+/g;

/** A log line that reports a certificate whose revocation status could not be fetched. */
export function isRevocationFailure(line: string): boolean {
  return REVOCATION_FAILURE.test(line);
}

/** The revocation-checking flags the containers pass the JVM, with where each is set (`env JAVA_TOOL_OPTIONS`). */
export function findRevocationFlags(containers: readonly ContainerSpecEvidence[]): { flags: string[]; where: string } | undefined {
  for (const c of containers) {
    const sources: [string, string][] = [
      ...(c.env ?? []).flatMap((e): [string, string][] => ('value' in e && typeof e.value === 'string' ? [[`env ${e.name}`, e.value]] : [])),
      ['args', (c.args ?? []).join(' ')],
      ['command', (c.command ?? []).join(' ')],
    ];
    for (const [where, text] of sources) {
      const flags = [...new Set(text.match(REVOCATION_FLAG) ?? [])];
      if (flags.length > 0) return { flags, where: `${c.name} ${where}` };
    }
  }
  return undefined;
}
