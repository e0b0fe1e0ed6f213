// A serving certificate re-issued by an issuer its clients do not trust. When a cert-manager
// Certificate is moved to another issuer (its issuerRef edited), cert-manager re-issues the Secret
// at once ("Issuing certificate as Secret was previously issued by \"ClusterIssuer…/old\"") and the
// pods load the new certificate (the kubelet refreshes the files; a reloader restarts them). Clients
// that verify it against a CA bundle holding only the old issuer's CA fail the handshake (Go's
// "x509: certificate signed by unknown authority") and send the TLS alert the server logs: Java's
// "Received fatal alert: certificate_unknown", Go's "remote error: tls: bad certificate", OpenSSL's
// "tlsv1 alert unknown ca". The server itself is fine: the fix is the clients' trust bundle (or the
// old issuer), and restoring the Secret's content only lasts until cert-manager re-issues it again.
// Read from the pods, logs, Certificate events and namespace objects already read; no Secret.
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { ServiceEvidence } from './evidence-network.js';
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** The alert a peer sends when it does not trust (or cannot verify) the certificate presented to it, as the receiving side logs it. */
export const PEER_DISTRUSTS_CERT =
  /received fatal alert: (?:certificate_unknown|bad_certificate|unknown_ca)|remote error: tls: (?:bad certificate|unknown certificate authority|certificate unknown)|alert (?:unknown ca|bad certificate|certificate unknown)\b|SSL alert number (?:42|46|48)\b|SSLV3_ALERT_(?:BAD_CERTIFICATE|CERTIFICATE_UNKNOWN)|TLSV1_ALERT_UNKNOWN_CA/i;
/** The server's own words that the failed handshake was a client's: Go's net/http, nginx, Tomcat. */
const SERVER_SIDE = /handshake error from \S+|while SSL handshaking|Error during SSL handshake|client: \d+\.\d+\.\d+\.\d+/i;
/** cert-manager's reason when the Secret was issued by another issuer than the Certificate now names. */
const PREVIOUS_ISSUER = /previously issued by "([^"]+)"/i;
/** A re-issue this long before the triage can have brought the refusals on. */
const WINDOW_MS = 3 * HOUR_MS;
/** Alert lines before it counts: one refused handshake is one client's trouble. */
const MIN_ALERTS = 2;
/** A ConfigMap that by its name holds CAs to trust; never the cluster's own API-server CA, which every namespace carries. */
const BUNDLE_NAME = /(?:^|[-_.])(?:ca|cas|trust|trusted|bundle|roots?)(?:[-_.]|$)/i;
const CLUSTER_CA = /^(?:kube-root-ca\.crt|openshift-service-ca\.crt|istio-ca-root-cert)$/;
/** A key that holds PEM certificates. */
const CERT_KEY = /\.(?:crt|pem|cer)$|^ca$|bundle/i;

export interface UntrustedIssuer {
  certificate: string;
  /** The mounted Secret it issues to. */
  secret: string;
  /** When the re-issue began. */
  at: string;
  /** The issuer that issued the Secret before, as cert-manager names it ("ClusterIssuer.cert-manager.io/x"). */
  previousIssuer: string;
  /** cert-manager's reason, on one line. */
  message: string;
  /** Pods whose logs carry the alert, with the count and the newest line. */
  pods: string[];
  alerts: number;
  line: string;
  /** The refused handshakes were the pods' clients': their log says so, or a Service sends clients to them. */
  serverSide: boolean;
  /** ConfigMaps of the namespace that by name and key hold a CA bundle, with their last change. */
  bundles: { name: string; keys: string[]; changedAt?: string }[];
}

/** The newest re-issue, within hours, of a Certificate behind a Secret the alerting pods mount, that changed its issuer; with the alerts and the namespace's CA bundles. */
export function findUntrustedIssuer(seen: {
  logs: readonly LogEvidence[];
  pods: readonly PodEvidence[];
  certificateEvents?: readonly EventEvidence[] | undefined;
  namespaceObjects?: readonly NamespaceObjectEvidence[] | undefined;
  services?: readonly ServiceEvidence[] | undefined;
  collectedAt: string;
}): UntrustedIssuer | undefined {
  const hits = seen.logs.flatMap((l) => l.lines.flatMap((line, i) => (PEER_DISTRUSTS_CERT.test(line) ? [{ pod: l.pod, line, near: l.lines.slice(Math.max(0, i - 2), i + 1) }] : [])));
  if (hits.length < MIN_ALERTS) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const secrets = [...new Set(seen.pods.filter((p) => pods.includes(p.name)).flatMap((p) => (p.volumes ?? []).flatMap((v) => (v.source === 'secret' && v.ref !== undefined ? [v.ref] : []))))];
  const ofCertificate = (seen.certificateEvents ?? []).filter((e) => e.object.kind === 'Certificate');
  const secretOf = (name: string): string | undefined =>
    secrets.includes(name) ? name : secrets.find((s) => ofCertificate.some((e) => e.object.name === name && e.message.includes(`"${s}"`)));
  const newest = ofCertificate
    .filter((e) => PREVIOUS_ISSUER.test(e.message) && secretOf(e.object.name) !== undefined)
    .filter((e) => { const ago = msBetween(e.firstSeen, seen.collectedAt); return ago >= 0 && ago <= WINDOW_MS; })
    .sort((a, b) => (a.firstSeen < b.firstSeen ? 1 : -1))[0];
  const secret = newest ? secretOf(newest.object.name) : undefined;
  const previousIssuer = newest ? PREVIOUS_ISSUER.exec(newest.message)?.[1] : undefined;
  if (newest === undefined || secret === undefined || previousIssuer === undefined) return undefined;
  const bundles = (seen.namespaceObjects ?? [])
    .filter((o) => o.kind === 'ConfigMap' && !CLUSTER_CA.test(o.name) && BUNDLE_NAME.test(o.name) && (o.keys ?? []).some((k) => CERT_KEY.test(k)))
    .map((o) => ({ name: o.name, keys: (o.keys ?? []).filter((k) => CERT_KEY.test(k)), ...(o.changedAt ?? o.createdAt ? { changedAt: o.changedAt ?? o.createdAt } : {}) }));
  return {
    certificate: newest.object.name,
    secret,
    at: newest.firstSeen,
    previousIssuer,
    message: newest.message.replace(/\s+/g, ' ').trim(),
    pods,
    alerts: hits.length,
    line: hits.at(-1)?.line.trim() ?? '',
    serverSide: hits.some((h) => h.near.some((l) => SERVER_SIDE.test(l))) || isServed(seen.services ?? [], seen.pods.filter((p) => pods.includes(p.name))),
    bundles,
  };
}

/** A Service with a selector picks one of these pods: clients reach them through it. */
function isServed(services: readonly ServiceEvidence[], pods: readonly PodEvidence[]): boolean {
  return services.some((s) => Object.keys(s.selector).length > 0 && pods.some((p) => Object.entries(s.selector).every(([k, v]) => p.labels[k] === v)));
}
