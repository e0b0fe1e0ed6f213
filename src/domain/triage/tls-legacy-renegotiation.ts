/**
 * A server without RFC 5746 secure renegotiation, refused by a client whose TLS library no longer
 * connects to such servers by default: OpenSSL 3.0 dropped SSL_OP_LEGACY_SERVER_CONNECT from its
 * defaults ("[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled").
 * The server did not change; a client rebuilt on a newer base image brings the stricter default,
 * and every other host (one that speaks secure renegotiation) keeps working.
 */

/** The client's line says its library refused the server's legacy renegotiation. */
export const LEGACY_RENEGOTIATION = /UNSAFE_LEGACY_RENEGOTIATION_DISABLED|unsafe legacy renegotiation disabled/i;

/** The same shape as a TLS-terms story (tls-terms.ts), told without depending on it. */
export interface LegacyRenegotiationStory {
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
}

export function explainLegacyRenegotiation(input: {
  dependency: string;
  /** "OpenSSL 3.0.15", when the client's log says it. */
  library?: string;
  /** The revision that changed the client's image, and the image tags, when the rollout did. */
  imageChange?: { revision: number; previous: number; from: string; to: string };
  evidence: string[];
}): LegacyRenegotiationStory {
  const { dependency: dep, library, imageChange } = input;
  const lib = library ? `the client's ${library}` : 'the client\'s TLS library (OpenSSL 3)';
  const changed = imageChange
    ? ` Revision ${imageChange.revision} changed the image (${imageChange.from} → ${imageChange.to}): a new base image brings OpenSSL 3, which refuses such servers by default, where the old one (OpenSSL 1.1.1) connected.`
    : '';
  const rollBack = imageChange ? `, or roll back to revision ${imageChange.previous} until the server is upgraded` : '';
  return {
    title: `TLS handshake with ${dep} fails: ${lib} refuses unsafe legacy renegotiation (UNSAFE_LEGACY_RENEGOTIATION_DISABLED) — the server lacks RFC 5746 secure renegotiation`,
    evidence: input.evidence,
    cause: `${dep} runs a TLS stack without RFC 5746 secure renegotiation. OpenSSL 3.0 no longer connects to such servers by default (SSL_OP_LEGACY_SERVER_CONNECT is off), so every handshake with that host fails while hosts with a current TLS stack keep working; the certificate and the network are not the issue.${changed}`,
    action: `Allow legacy server connect for that one client only (Python: an SSLContext with options |= ssl.OP_LEGACY_SERVER_CONNECT for ${dep}; or an OPENSSL_CONF with Options = UnsafeLegacyServerConnect for this container)${rollBack}; ask whoever serves ${dep} to enable secure renegotiation (RFC 5746). Do not turn off certificate verification.`,
    // The verdict offers the rollback itself when the revision is the trigger.
    fix: `allow legacy server connect (OP_LEGACY_SERVER_CONNECT) for the ${dep} client only, until ${dep} supports RFC 5746 secure renegotiation`,
  };
}
