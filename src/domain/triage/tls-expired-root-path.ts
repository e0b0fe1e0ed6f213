/**
 * "certificate has expired" from a client whose TLS library builds only one chain: OpenSSL before
 * 1.1.0 follows the first path it finds and never tries another. When a server's chain still
 * carries a cross-signed intermediate up to a root that has expired (Let's Encrypt's ISRG Root X1
 * cross-signed by DST Root CA X3, expired 2021-09-30), such a client walks to the expired root and
 * fails, although the server's own certificate and its current root are valid: clients on a
 * current library (OpenSSL 1.1.1+, a current CA bundle) call the same host fine. The fault is in
 * the client's image — its TLS library and trust store — not in the server's certificate.
 */
import type { EnvVarEvidence } from './evidence-spec.js';
import type { ToldReading } from './told-reading.js';

export interface OldChainBuilder {
  /** "OpenSSL 1.0.2k", as the client's log names it. */
  library: string;
  /** The CA bundle the client is pointed at: "REQUESTS_CA_BUNDLE=/etc/pki/tls/certs/ca-bundle.crt". */
  bundle?: string;
}

/** Env variables that point a client at a CA bundle file (Python requests, OpenSSL, curl, Node). */
const BUNDLE_ENV = /^(?:REQUESTS_CA_BUNDLE|SSL_CERT_FILE|CURL_CA_BUNDLE|NODE_EXTRA_CA_CERTS)$/;

/**
 * The client's OpenSSL, when its log names one older than 1.1.0 ("OpenSSL 1.0.2k-fips", "OpenSSL
 * 0.9.8"), with the CA bundle its env points at (literal values only).
 */
export function findOldChainBuilder(lines: readonly string[], env: readonly EnvVarEvidence[]): OldChainBuilder | undefined {
  let library: string | undefined;
  for (const l of lines) {
    const m = /\bOpenSSL (\d+)\.(\d+)\.(\d+)([a-z]*)/.exec(l);
    if (!m) continue;
    const [major, minor] = [Number(m[1]), Number(m[2])];
    if (major === 0 || (major === 1 && minor === 0)) library = `OpenSSL ${m[1] ?? ''}.${m[2] ?? ''}.${m[3] ?? ''}${m[4] ?? ''}`;
    break;
  }
  if (library === undefined) return undefined;
  const bundle = env.find((e): e is { name: string; value: string } => 'value' in e && BUNDLE_ENV.test(e.name));
  return { library, ...(bundle ? { bundle: `${bundle.name}=${bundle.value}` } : {}) };
}

export function explainExpiredRootPath(found: OldChainBuilder, dep: string, host: string): ToldReading {
  const bundle = found.bundle ? ` (${found.bundle})` : '';
  return {
    title: `TLS handshake with ${dep} fails "certificate has expired" in the client's ${found.library}, which follows the chain to an expired cross-signed root (such as DST Root CA X3) instead of the valid one — the client's TLS library and trust store, likely not the server's certificate`,
    evidence: [`the client runs ${found.library}: OpenSSL before 1.1.0 builds one chain and never tries the alternative path`, ...(found.bundle ? [`the client trusts the CA bundle of ${found.bundle}`] : [])],
    cause: `The client runs ${found.library}. OpenSSL before 1.1.0 follows the first chain it can build and never tries another: when ${host} serves a chain that still includes an intermediate cross-signed by a root that has expired (Let's Encrypt's ISRG Root X1 cross-signed by DST Root CA X3, expired 2021-09-30), it walks to the expired root and fails "certificate has expired", although the server's certificate and its current root are valid. Clients on a current TLS library call the same host fine. A chain the server renewed or changed is the usual trigger.`,
    action: `Rebuild the image on a current base image (OpenSSL 1.1.1 or 3.x with a current ca-certificates), or remove the expired root (DST Root CA X3) from the CA bundle the client uses${bundle}; confirm with \`openssl s_client -connect ${host}:443 -showcerts\` which chain is served. Whoever serves ${host} can also drop the expired cross-sign from the chain. Do not turn off verification.`,
    fix: `rebuild the client on a current base image (OpenSSL 1.1.1+, current CA bundle) or drop the expired root from its CA bundle${bundle}`,
  };
}
