/**
 * A service refusing a caller's credential for the caller's own reason: the token it sent has
 * expired, or it sent none. Validators (an auth gateway, any API behind JWTs) log these at ERROR,
 * yet the 401 is the right answer — mobile apps refreshing late, a script with an old token — and
 * says nothing of the service's health. Only the caller's own fault counts: a signature the
 * service cannot verify, a key set it cannot fetch, an unknown key id or a certificate may be the
 * service's (a key rotation it missed), and a 401 on the workload's own outbound call is its
 * credential; those stay errors.
 */

/** The caller's credential is past its expiry, or absent (jwx/golang-jwt, jsonwebtoken, PyJWT, jose, Spring). */
const CALLER_FAULT = new RegExp([
  String.raw`\btoken (?:is|has) expired\b`,
  String.raw`\bjwt (?:is )?expired\b`,
  String.raw`\bexpired (?:jwt|token|access token|bearer token)\b`,
  String.raw`\b(?:ExpiredSignatureError|TokenExpiredError|ExpiredJwtException|JwtExpired)\b`,
  String.raw`\bSignature has expired\b`,
  String.raw`\b(?:missing|no|empty) (?:bearer |access |auth(?:orization)? )?(?:token|credentials|authorization header)\b`,
  String.raw`\bauthorization header (?:is )?(?:missing|required|not (?:found|provided|present))\b`,
].join('|'), 'i');

/** The line answers a request the service served: its path or method, or the 401 it gave. */
const SERVED_REQUEST = /"(?:path|uri|route|method)"\s*:\s*"|\b(?:path|uri|route|method)=\S|\(path \/|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/|"status(?:_?code|Code)?"\s*:\s*401\b|\bstatus(?:_?code)?=401\b|\(401\)/;

/**
 * Signs the refusal may be the service's own fault, or the call its own: a signature or key it
 * cannot check, a key set or certificate, a dependency's answer, a server error.
 */
const SERVICE_SIDE = /\bsignature (?:is )?invalid\b|\binvalid signature\b|\bverification error\b|\bjwks?\b|\bkey ?set\b|\bkid\b|\bkey (?:id|not found)\b|\bno (?:matching |signing )?key\b|\bcertificate\b|\bx509\b|\bupstream\b|\bhttps?:\/\/|\bcall(?:ing)? (?:to )?\S+ failed\b|\bconnection refused\b|\btimed? ?out\b|\bdeadline exceeded\b|"status(?:_?code|Code)?"\s*:\s*5\d\d\b|\bstatus(?:_?code)?=5\d\d\b|\bpanic\b/i;

/** Whether a log line records the service refusing a caller whose credential expired or is missing: a client error. */
export function isClientCredentialRejection(line: string): boolean {
  return CALLER_FAULT.test(line) && SERVED_REQUEST.test(line) && !SERVICE_SIDE.test(line);
}
