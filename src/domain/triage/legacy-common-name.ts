/**
 * Go refuses a server certificate that names its host only in the Common Name: "x509: certificate
 * relies on legacy Common Name field, use SANs instead". Go 1.15 stopped reading the CN when a
 * certificate has no subjectAltName (GODEBUG=x509ignoreCN=0 turned it back on) and Go 1.17 removed
 * that switch, so a client rebuilt with a newer toolchain starts refusing a certificate that served
 * for years, while clients of other runtimes still accept it. Why now is the toolchain the build
 * moved to (its log, its base image, its change cause); the fix is the certificate, on the server.
 */
import type { EnvVarEvidence, LogEvidence, RevisionEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';

export const LEGACY_CN = /x509: certificate relies on legacy Common Name field/;
/** A Go version as runtime.Version() prints it (`go1.23.4`), or a golang base image's tag (`golang:1.23.4-bookworm`). */
export const GO_VERSION = /\bgo(1\.\d+(?:\.\d+)?)\b|\bgolang:(1\.\d+(?:\.\d+)?)/;
const IGNORE_CN = /x509ignoreCN=0/;

export interface LegacyCommonName {
  /** The server the client names (host:port). */
  server: string;
  /** The Go version the failing build runs, and where it was read; absent when nothing says. */
  go?: { version: string; from: string };
  /** The env that still sets GODEBUG=x509ignoreCN=0, which Go ≥ 1.17 ignores. */
  ignoredSwitch?: string;
  /** The revision that brought the build, when the pods run the newest of two. */
  revision?: RevisionEvidence;
}

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? '0');
}

/** The Go version the logs, the revision's change cause or its images name. */
export function findGoVersion(logs: readonly LogEvidence[], revision: RevisionEvidence | undefined): { version: string; from: string } | undefined {
  for (const log of logs) {
    for (const line of log.lines) {
      const m = GO_VERSION.exec(line);
      if (m !== null) return { version: m[1] ?? m[2] ?? '', from: `the log of ${log.pod}` };
    }
  }
  const cause = revision?.changeCause === undefined ? null : GO_VERSION.exec(revision.changeCause);
  if (cause !== null && revision !== undefined) return { version: cause[1] ?? cause[2] ?? '', from: `revision ${revision.revision}'s change cause` };
  for (const c of revision?.containers ?? []) {
    const m = GO_VERSION.exec(c.image);
    if (m !== null) return { version: m[1] ?? m[2] ?? '', from: `image ${c.image}` };
  }
  return undefined;
}

/** The refusal read from the lines of one dependency failure, with what the build runs; undefined when the lines are not that refusal. */
export function findLegacyCommonName(lines: readonly string[], server: string | undefined, logs: readonly LogEvidence[], revision: RevisionEvidence | undefined, env: readonly EnvVarEvidence[]): LegacyCommonName | undefined {
  if (server === undefined || !lines.some((l) => LEGACY_CN.test(l))) return undefined;
  const go = findGoVersion(logs, revision);
  const ignored = env.find((e) => 'value' in e && e.name === 'GODEBUG' && IGNORE_CN.test(e.value));
  return { server, ...(go ? { go } : {}), ...(ignored ? { ignoredSwitch: `GODEBUG=${'value' in ignored ? ignored.value : ''}` } : {}), ...(revision ? { revision } : {}) };
}

/** How it is told: the certificate without a SAN, the toolchain that stopped accepting it, the certificate as the fix and the rollback as a stopgap. */
export function tellLegacyCommonName(found: LegacyCommonName): ToldReading & { evidence: string[]; rollbackUndoes: string; latent: string } {
  const host = found.server.replace(/:\d+$/, '');
  const go = found.go;
  const built = go !== undefined ? `this build runs Go ${go.version}` : 'this build runs a Go toolchain of 1.15 or later';
  const ignored = found.ignoredSwitch !== undefined && (go === undefined || minorOf(go.version) >= 17) ? `, and its ${found.ignoredSwitch} is ignored since Go 1.17` : '';
  const fix = `reissue ${host}'s certificate with a SAN for that name`;
  return {
    title: `TLS certificate of ${found.server} has no SAN, only a Common Name, which Go refuses since 1.15: ${built}${ignored}`,
    cause: `Go 1.15 stopped falling back to a certificate's Common Name when it has no subjectAltName, and Go 1.17 removed the GODEBUG=x509ignoreCN=0 switch that turned the fallback back on. ${built.charAt(0).toUpperCase()}${built.slice(1)}${found.revision !== undefined ? `, brought by revision ${found.revision.revision}` : ''}, so every handshake with ${host} fails though its certificate did not change; clients of other runtimes may still accept it.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. A rollback to the previous build only mitigates until then.`,
    fix,
    evidence: [
      `${host}'s certificate carries no subjectAltName: "x509: certificate relies on legacy Common Name field, use SANs instead"`,
      ...(go !== undefined ? [`Go ${go.version}, from ${go.from}`] : []),
      ...(found.ignoredSwitch !== undefined ? [`env ${found.ignoredSwitch} is set; Go ≥ 1.17 ignores it`] : []),
    ],
    rollbackUndoes: 'bring back the old Go toolchain, a stopgap until the certificate has a SAN',
    latent: `the build refuses ${host}'s certificate from its start; the errors show whenever calls reach it`,
  };
}
