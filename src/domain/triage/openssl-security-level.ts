/**
 * OpenSSL refusing a certificate for its security level, not for its validity: OpenSSL 3 (Debian
 * bookworm, Ubuntu 22.04, RHEL 9 and the images built on them) runs at security level 2 by
 * default, which refuses a certificate signed with SHA-1 or MD5 ("CA_MD_TOO_WEAK", "ca md too
 * weak"; on verification "CA signature digest algorithm too weak") and an RSA/DSA key under 2048
 * bits ("EE_KEY_TOO_SMALL", "ee key too small", "EE certificate key too weak"). The certificate did
 * not change and has not expired: the base image moved under it to a stricter OpenSSL, so that move
 * is the since. The fix is the certificate reissued with SHA-256 (or a 2048-bit key); lowering the
 * security level for that one context is a stopgap.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { capitalize } from '../text.js';

interface Refusal {
  line: string;
  /** A digest too weak (SHA-1, MD5) or a key too small. */
  weak: 'digest' | 'key';
  /** Loading its own certificate (a client or server certificate the process presents), or verifying a peer's chain. */
  own: boolean;
}

const OWN_DIGEST = /\bCA_MD_TOO_WEAK\b|\bca md too weak\b/i;
const OWN_KEY = /\b(?:EE|CA)_KEY_TOO_SMALL\b|\b(?:ee|ca) key too small\b/i;
const PEER_DIGEST = /CA signature digest algorithm too weak/i;
const PEER_KEY = /(?:EE|CA) certificate key too weak/i;

/** The OpenSSL version a start-up line or a traceback names: `OpenSSL 3.0.15`. */
const OPENSSL_VERSION = /\bOpenSSL (\d+\.\d+(?:\.\d+)?[a-z]?)/;
/** The weak signature a log line reports of the certificate: `sha1WithRSAEncryption`, `md5WithRSAEncryption`, `ecdsa-with-SHA1`. */
const WEAK_SIGNATURE = /\b(?:sha1|md5)WithRSAEncryption\b|\becdsa-with-SHA1\b/i;

function findRefusal(errors: readonly string[]): Refusal | undefined {
  for (const line of [...errors].reverse()) {
    if (PEER_DIGEST.test(line)) return { line, weak: 'digest', own: false };
    if (PEER_KEY.test(line)) return { line, weak: 'key', own: false };
    if (OWN_DIGEST.test(line)) return { line, weak: 'digest', own: true };
    if (OWN_KEY.test(line)) return { line, weak: 'key', own: true };
  }
  return undefined;
}

/** `errors`: the failing lines; `lines`: the whole log (a start-up line names the OpenSSL version, another the certificate's signature). */
export function explainOpensslSecurityLevel(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const found = findRefusal(errors);
  if (found === undefined) return undefined;
  const version = lines.map((l) => OPENSSL_VERSION.exec(l)?.[1]).find((v) => v !== undefined);
  const signature = found.weak === 'digest' ? lines.map((l) => WEAK_SIGNATURE.exec(l)?.[0]).find((s) => s !== undefined) : undefined;
  const whose = found.own ? 'the certificate the process loads (its own client or server certificate)' : "the peer's certificate chain";
  const what = found.weak === 'digest' ? `signed with a digest it deems too weak (SHA-1 or MD5${signature !== undefined ? `; the log shows ${signature}` : ''})` : 'a key under 2048 bits';
  const openssl = version !== undefined ? `OpenSSL ${version}` : 'OpenSSL 3';
  const reissue = found.weak === 'digest' ? 'reissued and signed with SHA-256' : 'reissued with a 2048-bit (or larger) key';
  const level = found.weak === 'digest' ? '0' : '1';
  const fix = `have ${found.own ? 'the certificate the pod loads' : 'the peer certificate'} ${reissue} (the CA that issued it may need to sign it anew); as a stopgap lower the security level for that one TLS context only (cipher string "DEFAULT@SECLEVEL=${level}")`;
  const rule = found.weak === 'digest'
    ? `${openssl} counts SHA-1 and MD5 signatures as weaker than any security level above 0 allows (the default is 1, and Debian bookworm, Ubuntu 22.04 and RHEL 9 raise it to 2), so it refuses ${whose}: it is ${what}. OpenSSL 1.1 on the older bases still accepted such a signature.`
    : `Security level 2 (the default of ${openssl} on Debian bookworm, Ubuntu 22.04, RHEL 9 and the images built on them) refuses RSA and DSA keys under 2048 bits, so ${openssl} refuses ${whose}: it has ${what}.`;
  return {
    summary: `${openssl}'s security level refuses ${found.own ? 'the certificate it loads' : "the peer's certificate"}: ${found.weak === 'digest' ? 'it is signed with SHA-1/MD5' : 'its key is under 2048 bits'}, which OpenSSL 3 rejects though the certificate is valid`,
    decisive: found.line,
    likelyCause: `${rule} The certificate itself did not change and is still valid: the base image moved to the stricter OpenSSL under it, which is why pods on the previous image still use it.`,
    nextAction: `${capitalize(fix)}. Until then the image with the older OpenSSL still works; do not turn certificate verification off.`,
    fix,
  };
}
