/**
 * The cipher suites a client is pinned to, where its spec says (literal env values only). A client
 * pinned to RSA key-exchange suites (TLS_RSA_WITH_*) can only talk to a server whose certificate
 * holds an RSA key: once the server's certificate is re-issued with an EC (ECDSA) key, no suite is
 * shared and every handshake ends in handshake_failure ("no cipher suites in common" on the server).
 */
import type { EnvVarEvidence } from './evidence-spec.js';

export interface PinnedSuites {
  /** "JAVA_TOOL_OPTIONS (-Dhttps.cipherSuites)". */
  where: string;
  suites: string[];
  /** Every suite uses RSA key exchange: usable only with an RSA certificate. */
  rsaOnly: boolean;
}

/** The JVM's system properties that pin suites, and the variables a JVM or app reads them from. */
const JVM_SUITES = /-D(https\.cipherSuites|jdk\.tls\.client\.cipherSuites)=([\w,]+)/;
const SUITE_VARIABLE = /(?:CIPHER_?SUITES|TLS_CIPHERS|SSL_CIPHERS)$/i;

export function findPinnedSuites(env: readonly EnvVarEvidence[]): PinnedSuites | undefined {
  for (const e of env) {
    if (!('value' in e)) continue;
    const m = JVM_SUITES.exec(e.value);
    const named = m === null && SUITE_VARIABLE.test(e.name) ? e.value : undefined;
    const list = m !== null ? m[2] ?? '' : named;
    if (list === undefined) continue;
    const suites = list.split(/[,:\s]+/).filter((s) => s !== '');
    if (suites.length === 0) continue;
    const where = m !== null ? `${e.name} (-D${m[1] ?? ''})` : e.name;
    return { where, suites, rsaOnly: suites.every((s) => /^TLS_RSA_|^(?:AES|DES|RC4)[\w-]*$|^RSA[-_]/i.test(s)) };
  }
  return undefined;
}
