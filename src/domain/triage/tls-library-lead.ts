/**
 * When to read the head of a pod's log for the TLS library its client runs: its calls fail a TLS
 * handshake whose reading depends on that library — an expired certificate (an OpenSSL before
 * 1.1.0 walks to an expired cross-signed root: tls-expired-root-path.ts) or TLS terms refused (a
 * library's stricter defaults: tls-terms.ts) — and no log tail read states the library already.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { LogEvidence } from './evidence.js';
import { findTlsLibrary } from './tls-terms.js';

/** Failures whose reading changes with the client's TLS library. */
const LIBRARY_BOUND = new Set(['tls-expired', 'tls-protocol']);

export function needsTlsLibrary(logs: readonly LogEvidence[]): { pod: string; container: string } | undefined {
  const current = logs.filter((l) => !l.previous);
  if (findTlsLibrary(current.flatMap((l) => l.lines)) !== undefined) return undefined;
  const failing = current.find((l) => l.lines.some((line) => LIBRARY_BOUND.has(parseDependencyError(line)?.problem ?? '')));
  return failing === undefined ? undefined : { pod: failing.pod, container: failing.container };
}
