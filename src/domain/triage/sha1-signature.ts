/**
 * Go refuses a certificate chain signed with SHA-1: "x509: cannot verify signature: insecure
 * algorithm SHA1-RSA". Go 1.18 stopped accepting SHA-1 signatures (GODEBUG=x509sha1=1 turned them
 * back on) and Go 1.24 removed that switch, so a client rebuilt with a newer toolchain starts
 * refusing a chain that verified for years, though its env still sets the switch. Go often reports
 * it inside another error: "x509: certificate signed by unknown authority (possibly because of
 * "x509: cannot verify signature: insecure algorithm SHA1-RSA …" while trying to verify candidate
 * authority certificate "…")" — the inner reason is the real one. Why now is the toolchain the
 * build moved to; the fix is the chain, reissued with SHA-256, by whoever serves it.
 */
import type { EnvVarEvidence, LogEvidence, RevisionEvidence } from './evidence.js';
import { findGoVersion } from './legacy-common-name.js';
import type { ToldReading } from './told-reading.js';

/** Go's words for a signature made with a hash it no longer accepts. */
export const INSECURE_SIGNATURE = /x509: cannot verify signature: insecure algorithm ([\w-]+)/;
/** The certificate Go was verifying with when it refused: `candidate authority certificate "Example CA G1"`. */
const CANDIDATE = /candidate authority certificate \\?"([^"\\]+)\\?"/;
const SHA1_SWITCH = /x509sha1=1/;

export interface Sha1Signature {
  /** The server the client names (host:port). */
  server: string;
  /** SHA1-RSA, ECDSA-SHA1, MD5-RSA… */
  algorithm: string;
  /** The authority certificate whose signature was refused, when the line names it. */
  authority?: string;
  /** The Go version the failing build runs, and where it was read. */
  go?: { version: string; from: string };
  /** The GODEBUG value that asks for SHA-1 signatures, which Go ≥ 1.24 ignores. */
  sha1Switch?: string;
  /** The revision that brought the build, when the pods run the newest of two. */
  revision?: RevisionEvidence;
}

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? '0');
}

/** The refusal read from the lines of one dependency failure; undefined when they are not that refusal. */
export function findSha1Signature(lines: readonly string[], server: string | undefined, logs: readonly LogEvidence[], revision: RevisionEvidence | undefined, env: readonly EnvVarEvidence[]): Sha1Signature | undefined {
  const line = lines.find((l) => INSECURE_SIGNATURE.test(l));
  const algorithm = line === undefined ? undefined : INSECURE_SIGNATURE.exec(line)?.[1];
  if (server === undefined || line === undefined || algorithm === undefined) return undefined;
  const authority = CANDIDATE.exec(line)?.[1];
  const go = findGoVersion(logs, revision);
  const set = env.find((e) => 'value' in e && e.name === 'GODEBUG' && SHA1_SWITCH.test(e.value));
  return {
    server,
    algorithm,
    ...(authority ? { authority } : {}),
    ...(go ? { go } : {}),
    ...(set && 'value' in set ? { sha1Switch: `GODEBUG=${set.value}` } : {}),
    ...(revision ? { revision } : {}),
  };
}

/** How it is told: the SHA-1 signed chain, the toolchain that stopped accepting it, the reissued chain as the fix and the old build as a stopgap. */
export function tellSha1Signature(found: Sha1Signature): ToldReading & { evidence: string[]; rollbackUndoes: string; latent: string } {
  const host = found.server.replace(/:\d+$/, '');
  const go = found.go;
  const by = found.revision !== undefined ? `revision ${found.revision.revision}` : 'this build';
  const built = go !== undefined ? `${by} runs Go ${go.version}` : `${by} runs a Go toolchain of 1.18 or later`;
  const removed = go === undefined || minorOf(go.version) >= 24;
  const ignored = found.sha1Switch !== undefined && removed ? `, and its ${found.sha1Switch} no longer works: Go 1.24 removed that switch` : '';
  const signed = `${found.authority !== undefined ? `"${found.authority}"` : 'its chain'} is signed with SHA-1 (${found.algorithm})`;
  const fix = `have ${host}'s operator reissue its certificate chain signed with SHA-256`;
  const stopgap = found.sha1Switch !== undefined && removed
    ? 'Until then, only a build on Go 1.23 or older (where the GODEBUG switch still works) accepts it: pin the previous build as a stopgap'
    : 'Until then, a build on an older Go toolchain with GODEBUG=x509sha1=1 only mitigates';
  return {
    title: `TLS certificate chain of ${found.server} is refused because ${signed}, which Go rejects since 1.18: ${built}${ignored}`,
    cause: `Go 1.18 stopped accepting SHA-1 signatures on certificates and Go 1.24 removed the GODEBUG=x509sha1=1 switch that turned them back on. ${built.charAt(0).toUpperCase()}${built.slice(1)}, so every handshake with ${host} fails on "x509: cannot verify signature: insecure algorithm ${found.algorithm}" though its certificate did not change (Go reports it as "certificate signed by unknown authority", possibly because of that).`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. ${stopgap}; do not turn off verification.`,
    fix,
    evidence: [
      `${host}'s chain is signed with ${found.algorithm}${found.authority !== undefined ? ` (authority "${found.authority}")` : ''}: "x509: cannot verify signature: insecure algorithm ${found.algorithm}"`,
      ...(go !== undefined ? [`Go ${go.version}, from ${go.from}`] : []),
      ...(found.sha1Switch !== undefined ? [`env ${found.sha1Switch} is set${removed ? '; Go ≥ 1.24 ignores it' : ''}`] : []),
    ],
    rollbackUndoes: 'bring back the old Go toolchain, a stopgap until the chain is reissued with SHA-256',
    latent: `the build refuses ${host}'s chain from its start; the errors show whenever calls reach it`,
  };
}
