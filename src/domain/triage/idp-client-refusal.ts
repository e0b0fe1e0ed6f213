/**
 * The identity provider refusing the workload itself as an OAuth client: its token endpoint answers
 * `invalid_client` (or `unauthorized_client`) when the workload redeems a login code, refreshes a
 * session or asks for a client-credentials token. That is the workload's own credential — a client
 * secret expired or rotated at the provider (Entra ID's AADSTS7000222 "client secret keys … are
 * expired", AADSTS7000215 "invalid client secret"), an app registration removed — so every login
 * fails while the pods stay Ready. Clients (oauth2-proxy, golang.org/x/oauth2, MSAL, Spring) log it
 * at WARN or as a bare "Error redeeming code", which no level field marks.
 *
 * Only the client side counts: an authorization server (Keycloak, Dex, Hydra) logging
 * `invalid_client` for a caller that sent bad credentials is the caller's fault, so a line needs
 * the client's own context (a token exchange, a code redemption, a refresh, oauth2's error form)
 * or an Entra ID client-credential code, which only the provider emits and only its clients log.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';
import { earliest, latest } from './time-span.js';

/** Entra ID's codes for a client credential it refuses: expired secret, invalid secret, app not in the tenant, credential missing, assertion refused. */
const ENTRA_CLIENT_CODE = /\bAADSTS(7000222|7000215|700016|7000218|700027|700024)\b/;
/** The OAuth 2.0 error codes (RFC 6749 §5.2) for a client the token endpoint does not accept; `invalid_client_credentials` (Keycloak's server event) is not one. */
const OAUTH_CLIENT_ERROR = /(?<![\w-])(invalid_client|unauthorized_client)(?![\w-])/;
/** Providers' descriptions of the same refusal: Okta, Keycloak, Auth0, Google. */
const CLIENT_REFUSED_TEXT = /\bClient authentication failed\b|\bInvalid client (?:or Invalid client )?credentials\b|\bInvalid client secret\b|\bclient secret (?:is )?(?:invalid|expired)\b|\bThe OAuth client was not found\b/i;
/** The workload acting as the client: a token request it made. */
const CLIENT_CONTEXT = /\boauth2: |\btoken exchange\b|\bredeem(?:ing)? (?:the )?(?:code|token)|\berror redeeming\b|\bcannot fetch token\b|\b(?:fetch|get|request|retriev|obtain|acquir)\w* (?:an? |the )?(?:access |refresh |id )?token\b|\brefresh(?:ing)? (?:the )?(?:session|tokens?|access token)\b|\btoken (?:request|endpoint|refresh)\b|\bclient_credentials\b|\bauthorization[_ ]code\b|\bMsal\w*Exception\b|\bOAuth2AuthorizationException\b|\bOAuth2?Error\b/i;
/** A provider's word that the secret itself is past its end date. */
const EXPIRED_SECRET = /\bAADSTS7000222\b|\bclient secret(?: keys?)?\b[^\n]{0,60}\b(?:are|is|has|have) expired\b|\bexpired client secret\b/i;
/** The client finished a login or refresh: the provider accepts it again after these. */
const AUTH_SUCCESS = /\[AuthSuccess\]|\bAuthenticated via OAuth2\b|\b(?:code|token)s? (?:redeemed|exchanged) successfully\b|\bsession refreshed\b|\brefreshed (?:the )?(?:session|access token)\b/i;
/** A login callback the workload answered with a server error (its access log, JSON or text). */
const CALLBACK_5XX = /\/(?:oauth2?\/|auth\/|oidc\/)?callback\b[^\n]*?(?:"status(?:_?code)?"\s*:\s*|\bstatus(?:_?code)?=|\s)5\d\d\b/;
/** "[2026/11/21 01:40:12]" (oauth2-proxy's stamp), which the common readers do not take. */
const BRACKETED_GO_TIME = /^\s*\[(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})\]/;

/** Below this many refusals in the sampled tails, one failed login is not the credential. */
export const MIN_CLIENT_REFUSALS = 3;

export interface IdpClientRefusals {
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The provider's own code or the OAuth error: "AADSTS7000222", "invalid_client". */
  code: string;
  /** The provider's sentence, as it gave it: "AADSTS7000222: The provided client secret keys for app '…' are expired." */
  description?: string;
  /** The provider says the client secret expired. */
  expired: boolean;
  first?: IsoTime;
  last?: IsoTime;
  /** Login callbacks answered 5xx in the same tails. */
  failedCallbacks: number;
}

/** Whether a line records the identity provider refusing the workload's own client credential. */
export function isIdpClientRefusal(line: string): boolean {
  if (ENTRA_CLIENT_CODE.test(line)) return true;
  return (OAUTH_CLIENT_ERROR.test(line) || CLIENT_REFUSED_TEXT.test(line)) && CLIENT_CONTEXT.test(line);
}

function readTime(line: string, now: IsoTime): IsoTime | undefined {
  const g = BRACKETED_GO_TIME.exec(line);
  if (g) {
    const t = Date.parse(`${g[1] ?? ''}-${g[2] ?? ''}-${g[3] ?? ''}T${g[4] ?? ''}Z`);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  return readLogLineTime(line, now);
}

function readDescription(line: string): string | undefined {
  const entra = /\bAADSTS\d+: [^."\\]{1,200}\./.exec(line)?.[0];
  if (entra !== undefined) return entra;
  const text = CLIENT_REFUSED_TEXT.exec(line)?.[0];
  return text;
}

/** The refusals in the current logs: enough of them, and no login accepted since the last. */
export function findIdpClientRefusals(logs: readonly LogEvidence[], now: IsoTime): IdpClientRefusals | undefined {
  const current = logs.filter((l) => !l.previous);
  const hits: IdpClientRefusals['hits'] = [];
  let recovered = false;
  for (const log of current) {
    const lastHit = log.lines.reduce((at, l, i) => (isIdpClientRefusal(l) ? i : at), -1);
    if (lastHit < 0) continue;
    // A login accepted after the last refusal: the credential works again (a secret already replaced).
    if (log.lines.slice(lastHit + 1).some((l) => AUTH_SUCCESS.test(l))) recovered = true;
    for (const line of log.lines.filter(isIdpClientRefusal)) {
      const at = readTime(line, now);
      hits.push({ pod: log.pod, container: log.container, line: line.trim(), ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_CLIENT_REFUSALS || recovered) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const lines = hits.map((h) => h.line);
  const code = lines.map((l) => /\bAADSTS\d+\b/.exec(l)?.[0] ?? OAUTH_CLIENT_ERROR.exec(l)?.[1]).find((c) => c !== undefined) ?? 'invalid_client';
  const description = lines.map(readDescription).find((d) => d !== undefined);
  const first = earliest(hits.map((h) => h.at));
  const last = latest(hits.map((h) => h.at));
  return {
    hits,
    pods,
    code,
    ...(description ? { description } : {}),
    expired: lines.some((l) => EXPIRED_SECRET.test(l)),
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    failedCallbacks: current.filter((l) => pods.includes(l.pod)).reduce((n, l) => n + l.lines.filter((x) => CALLBACK_5XX.test(x)).length, 0),
  };
}

/** The provider as its issuer URL or the refusal names it. */
export function nameIdentityProvider(issuerOrLine: string): string | undefined {
  if (/login\.microsoftonline\.com|\bAADSTS\d+|login\.windows\.net|sts\.windows\.net/i.test(issuerOrLine)) return 'Entra ID (Azure AD)';
  if (/\.okta(?:preview)?\.com\b/i.test(issuerOrLine)) return 'Okta';
  if (/\.auth0\.com\b/i.test(issuerOrLine)) return 'Auth0';
  if (/accounts\.google\.com/i.test(issuerOrLine)) return 'Google';
  if (/\/realms\/[\w-]+/i.test(issuerOrLine)) return 'Keycloak';
  return undefined;
}
