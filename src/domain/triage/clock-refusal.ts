/**
 * Errors that say the time a request, a token or a certificate was checked against is off: a
 * service refusing a signature stamped too far from its own clock (S3's RequestTimeTooSkewed,
 * SigV4's "Signature expired: … is now earlier than …"), a verifier refusing what is not valid yet
 * by its clock (x509's notBefore, a JWT's iat or nbf), Kerberos' clock skew. Any one of them can be
 * a real fault of the peer; confined to the pods of one node, they are that node's clock.
 */
import type { IsoTime } from './evidence-spec.js';

/** The phrases, as the libraries and services write them. */
const CLOCK_REFUSALS: readonly RegExp[] = [
  // S3 (and the stores that speak its API).
  /RequestTimeTooSkewed/,
  // AWS Signature V4, refused for its time outside the five minutes allowed.
  /Signature (?:expired|not yet current): \S+ is (?:now earlier|still later) than \S+/,
  // x509 whose notBefore is still ahead: Go, OpenSSL, Java.
  /certificate is not yet valid|certificate has expired or is not yet valid: current time \S+ is before \S+|CertificateNotYetValidException/,
  // JWTs issued (iat) or valid (nbf) in the verifier's future: PyJWT, golang-jwt, jsonwebtoken, jjwt.
  /ImmatureSignatureError|token is not yet valid|token is not valid yet|token used before issued|NotBeforeError: jwt not active|PrematureJwtException/i,
  // Token endpoints refusing an assertion stamped outside their window: Google's, Microsoft Entra's.
  /Token must be a short-lived token|not within its valid time range/,
  // Kerberos (KRB_AP_ERR_SKEW).
  /Clock skew too great|KRB_AP_ERR_SKEW/i,
];

/** The phrase of `line` that says the time was off, as written; undefined for any other line. */
export function findClockRefusal(line: string): string | undefined {
  for (const re of CLOCK_REFUSALS) {
    const m = re.exec(line);
    if (m) return m[0];
  }
  return undefined;
}

/** "20261121T033241Z" (SigV4's basic form) or an ISO 8601 time. */
function readStamp(text: string): IsoTime | undefined {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const ms = basic ? Date.parse(`${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z`) : Date.parse(text);
  return Number.isNaN(ms) || !/^\d{4}/.test(text) ? undefined : new Date(ms).toISOString();
}

/** The request's time and the server's, when a refusal states both (S3's RequestTime and ServerTime, SigV4's message). */
export interface StampedTimes {
  request: IsoTime;
  server: IsoTime;
}

const STAMP = String.raw`(\d{4}-?\d{2}-?\d{2}T[\d:.]+Z)`;
const REQUEST_TIME = new RegExp(String.raw`(?:request[_ ]?time|RequestTime)["'>:=\s]+` + STAMP, 'i');
const SERVER_TIME = new RegExp(String.raw`(?:server[_ ]?time|ServerTime)["'>:=\s]+` + STAMP, 'i');
/** SigV4: "Signature expired: <request> is now earlier than <limit> (<server> - 5 min.)". */
const SIGV4 = new RegExp(String.raw`Signature (?:expired|not yet current): ` + STAMP + String.raw` is (?:now earlier|still later) than \S+ \(` + STAMP + String.raw` [-+] \d+ min`);

/** The request's and the server's times a refusal line states; undefined when it does not state both. */
export function readStampedTimes(line: string): StampedTimes | undefined {
  const sig = SIGV4.exec(line);
  const request = readStamp(sig?.[1] ?? REQUEST_TIME.exec(line)?.[1] ?? '');
  const server = readStamp(sig?.[2] ?? SERVER_TIME.exec(line)?.[1] ?? '');
  return request === undefined || server === undefined ? undefined : { request, server };
}
