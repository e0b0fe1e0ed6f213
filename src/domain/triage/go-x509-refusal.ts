/**
 * Go's crypto/x509 grows stricter with its releases, and a client rebuilt with a newer toolchain
 * starts refusing a server certificate that served for years: since Go 1.23 one with a negative
 * serial number ("x509: negative serial number"; GODEBUG=x509negativeserial=1 accepts it again),
 * since Go 1.18 one signed with SHA-1 ("insecure algorithm SHA1-RSA"; GODEBUG=x509sha1=1 until Go
 * 1.24 removed it). Other runtimes still accept the certificate, and nothing in the cluster
 * changed but the build. Why now is the Go version the build logs; the fix is the certificate, the
 * GODEBUG switch (where it still exists) a stopgap. (A certificate with only a Common Name, refused
 * since Go 1.15, is read with its dependency: legacy-common-name.ts.)
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { GO_VERSION } from './legacy-common-name.js';

interface GoX509Rule {
  refused: RegExp;
  /** What the certificate has that Go refuses. */
  what: string;
  since: string;
  /** The GODEBUG setting that accepts it again, while the toolchain still has it. */
  godebug?: string;
  /** The certificate as it should be reissued. */
  reissue: string;
}

const RULES: readonly GoX509Rule[] = [
  { refused: /x509: negative serial number/, what: 'a negative serial number', since: '1.23', godebug: 'x509negativeserial=1', reissue: 'with a positive serial number' },
  { refused: /x509: cannot verify signature: insecure algorithm SHA1/, what: 'a SHA-1 signature', since: '1.18', godebug: 'x509sha1=1 (removed in Go 1.24)', reissue: 'signed with SHA-256' },
];

/** The server the refused call went to: `https://host:port/…` or `dial tcp host:port`. */
const SERVER = /https?:\/\/([\w.-]+(?::\d+)?)|dial tcp ([\w.-]+:\d+)/;

export function explainGoX509Refusal(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  for (const rule of RULES) {
    const line = errors.find((l) => rule.refused.test(l));
    if (line === undefined) continue;
    const m = SERVER.exec(line);
    const server = m?.[1] ?? m?.[2];
    const go = lines.map((l) => GO_VERSION.exec(l)).find((v) => v !== null);
    const version = go?.[1] ?? go?.[2];
    const built = version !== undefined ? `this build runs Go ${version}` : `this build runs Go ${rule.since} or later`;
    const whose = server !== undefined ? `${server}'s certificate` : 'the server certificate';
    const stopgap = rule.godebug !== undefined ? `set GODEBUG=${rule.godebug} as a stopgap (or roll back to the build on the older Go), and ` : 'roll back to the build on the older Go as a stopgap, and ';
    const fix = `${stopgap}reissue ${whose} ${rule.reissue}`;
    return {
      summary: `Go ${rule.since}+ refuses ${whose} for ${rule.what} (${built})`,
      likelyCause: `Go's crypto/x509 refuses certificates with ${rule.what} since Go ${rule.since}; ${built}, so every TLS handshake with ${server ?? 'that server'} fails though its certificate did not change, while clients built on older Go (or other runtimes) still accept it. Restarting the pods will not help.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
      fix,
    };
  }
  return undefined;
}
