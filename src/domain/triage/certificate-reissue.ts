// A dependency that authenticates its clients by certificate (Postgres `cert`, MySQL REQUIRE
// SUBJECT, a broker's EXTERNAL mechanism, mTLS) takes the client's identity from the certificate:
// its subject's CN, or a SAN. When cert-manager re-issues the certificate the pods mount with
// another identity (a commonName or dnsNames edited in its Certificate), the kubelet refreshes the
// mounted Secret and every new connection presents the new identity, which the server refuses —
// though nothing of the workload changed. The change shows only in cert-manager's Normal events on
// the Certificate ("Existing issued Secret is not up to date with spec: [spec.commonName]"), and
// the server's own log names the identity it read.
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence.js';
import { HOUR_MS, msBetween } from './time-span.js';
import { PEER_DISTRUSTS_CERT } from './untrusted-issuer.js';

/** The refusal turns on the client's certificate, in the client's or the server's words. */
export const CERTIFICATE_REFUSAL = /certificate authentication failed|authenticated user name \(|bad certificate|certificate unknown|certificate_unknown|SSL alert number 4[26]\b|client certificate (?:rejected|not (?:accepted|authorized))|SSL authentication failed|X509 (?:subject|issuer) (?:does not|doesn't) match/i;
/** The server's line naming the identity it read from the certificate and the one it wanted (Postgres). */
const IDENTITY_PAIR = /provided user name \(([^)]+)\) and authenticated user name \(([^)]+)\)/;
/** The lines of a server's log worth keeping for the identity it read: at most this many. */
export const MAX_IDENTITY_LINES = 4;
/** cert-manager's reasons for an issuance it starts (Issuing) and its outcome. */
const STARTS = /not up to date with spec|Renewing certificate|Issuing certificate as|Fields on existing CertificateRequest resource not up to date|re-?issu/i;
/** A re-issue this long before the triage can have brought the refusals on. */
const WINDOW_MS = 3 * HOUR_MS;
/** Lines of the pods' logs before the certificate counts as refused. */
const MIN_LINES = 2;

/**
 * The Secrets the refusing pods mount as volumes (a certificate is read from files), when their logs
 * refuse a certificate — or carry a peer's alert that it does not trust the one they present (an
 * unknown CA: a re-issue from another issuer, untrusted-issuer.ts).
 */
export function pickCertificateRefusal(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string[] {
  const refused = (line: string): boolean => CERTIFICATE_REFUSAL.test(line) || PEER_DISTRUSTS_CERT.test(line);
  const refusing = seen.logs.filter((l) => l.lines.filter(refused).length >= MIN_LINES);
  const pods = refusing.flatMap((l) => seen.pods.find((p) => p.name === l.pod) ?? []);
  return [...new Set(pods.flatMap((p) => (p.volumes ?? []).flatMap((v) => (v.source === 'secret' && v.ref !== undefined ? [v.ref] : []))))];
}

/** Lines of a server's log that say which identity a client certificate carried, as kept by the reader. */
export function keepIdentityLines(lines: readonly string[]): string[] {
  return lines.filter((l) => IDENTITY_PAIR.test(l) || CERTIFICATE_REFUSAL.test(l)).slice(-MAX_IDENTITY_LINES);
}

export interface CertificateReissue {
  /** The Certificate that was re-issued, named like (or naming) a Secret the pods mount. */
  certificate: string;
  secret: string;
  /** When the issuance began. */
  at: string;
  /** Its reason as cert-manager said it, on one line. */
  message: string;
  /** The spec fields it says changed ("spec.commonName"), when it says. */
  fields: string[];
  /** The server's words on the identity: the one it wanted, the one the certificate carries. */
  identity?: { wanted: string; presented: string; line: string };
}

/** The newest issuance of a Certificate behind a mounted Secret, started within hours of the triage. */
export function findCertificateReissue(
  events: readonly EventEvidence[] | undefined,
  secrets: readonly string[],
  serverLines: readonly string[],
  collectedAt: string,
): CertificateReissue | undefined {
  const ofCertificate = (events ?? []).filter((e) => e.object.kind === 'Certificate');
  const secretOf = (name: string): string | undefined =>
    secrets.includes(name) ? name : secrets.find((s) => ofCertificate.some((e) => e.object.name === name && e.message.includes(`"${s}"`)));
  const starts = ofCertificate
    .filter((e) => e.reason === 'Issuing' && STARTS.test(e.message) && secretOf(e.object.name) !== undefined)
    .filter((e) => { const ago = msBetween(e.firstSeen, collectedAt); return ago >= 0 && ago <= WINDOW_MS; })
    .sort((a, b) => (a.firstSeen < b.firstSeen ? 1 : -1));
  const newest = starts[0];
  const secret = newest ? secretOf(newest.object.name) : undefined;
  if (newest === undefined || secret === undefined) return undefined;
  const fields = (/not up to date with spec:\s*\[([^\]]*)\]/.exec(newest.message)?.[1] ?? '').split(/[\s,]+/).filter((f) => f !== '');
  const pair = [...serverLines].reverse().map((l) => ({ l, m: IDENTITY_PAIR.exec(l) })).find((x) => x.m !== null);
  const identity = pair?.m?.[1] && pair.m[2] ? { wanted: pair.m[1], presented: pair.m[2], line: pair.l.trim() } : undefined;
  return { certificate: newest.object.name, secret, at: newest.firstSeen, message: newest.message.replace(/\s+/g, ' ').trim(), fields, ...(identity ? { identity } : {}) };
}
