/**
 * The peer refusing OUR client certificate as expired: "remote error: tls: expired certificate"
 * (Go), "sslv3 alert certificate expired" (OpenSSL) is a TLS alert the server sent, so the expired
 * certificate is the one the pods present for mTLS, not the server's. It lives in a Secret mounted
 * into the pods (named, never read); its notAfter is often printed when the app loads it. Renewing
 * it (and restarting) is the fix; nothing in the cluster changed, so a rollback will not help.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { VolumeEvidence } from './evidence-spec.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const PEER_EXPIRED_ALERT = /remote error: tls: expired certificate|alert certificate expired|SSLV3_ALERT_CERTIFICATE_EXPIRED/i;
/** notAfter as the app logs it at load: `"not_after":"2026-11-21T00:00:00Z"`, `notAfter=…`. */
const NOT_AFTER = /not_?after"?\s*[:=]\s*"?(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)/i;
/** A Secret volume that by its name holds a client certificate. */
const CERT_NAME = /mtls|tls|cert|client/i;
/** Where the peer's address is: `Post "https://host/…"`. */
const PEER = /https:\/\/([\w.-]+)/;

export function explainExpiredClientCertificate(errors: readonly string[], lines: readonly string[], _containers: readonly Pick<ContainerSpecEvidence, 'name'>[], volumes: readonly VolumeEvidence[] = []): ClientDiagnosis | undefined {
  const alert = errors.find((l) => PEER_EXPIRED_ALERT.test(l));
  if (alert === undefined) return undefined;
  const notAfter = lines.map((l) => NOT_AFTER.exec(l)?.[1]).find((x) => x !== undefined);
  const secrets = volumes.filter((v) => v.source === 'secret' && v.ref !== undefined);
  const secret = (secrets.find((v) => CERT_NAME.test(`${v.name} ${v.ref ?? ''}`)) ?? secrets[0])?.ref;
  const peer = PEER.exec(alert)?.[1];
  const held = secret ? ` (Secret ${secret})` : '';
  const fix = `renew the pods' mTLS client certificate${held} with ${peer ?? 'the peer'}'s issuer, update the Secret and restart the pods`;
  return {
    summary: `our mTLS client certificate${held} expired${notAfter ? ` (notAfter ${notAfter})` : ''}: ${peer ?? 'the peer'} refuses the handshake (remote error: tls: expired certificate)`,
    likelyCause:
      `"remote error: tls: expired certificate" is an alert the peer sent: it is the client certificate the pods present that expired${notAfter ? ` at ${notAfter}` : ''}, not the peer's. ` +
      `${secret ? `It is mounted from the Secret ${secret}. ` : ''}Every call fails the handshake until it is renewed; nothing in the cluster changed, so a rollback will not help.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
  };
}
