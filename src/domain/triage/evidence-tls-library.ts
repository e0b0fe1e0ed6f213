/**
 * The TLS library a client states when it starts ("… (Python 3.7.9, OpenSSL 1.0.2k-fips 26 Jan
 * 2017)"), read from the head of one pod's current log — only when its calls fail a TLS handshake
 * whose reading depends on the library (an expired certificate, a protocol refused) and the log
 * tails already read do not state it (tls-library-lead.ts). Only the line that names it is kept.
 */
export interface TlsLibraryEvidence {
  pod: string;
  container: string;
  /** The line as logged. */
  line: string;
  /** "OpenSSL 1.0.2". */
  library: string;
}
