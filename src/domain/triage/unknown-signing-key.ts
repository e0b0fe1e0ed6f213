/**
 * Tokens the service refuses because their key id (kid) is not in the key set (JWKS) it holds.
 * An identity provider rotates its signing key by publishing the new key beside the old one and
 * signing new tokens with it; a service that caches the JWKS for hours and does not refetch on an
 * unknown kid refuses every new token (401) until its cache expires, while old tokens still pass.
 * The pods stay Ready and validators log the refusal at WARN or INFO, so only these lines tell it.
 * A single refusal may be a forged or foreign token; a burst of them is the key set being stale.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import type { EnvVarEvidence } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';
import { earliest, latest } from './time-span.js';

/**
 * The validators' words for "no key with this kid": jwx, keyfunc, node jwks-rsa and PyJWT, panva
 * jose, Nimbus (Spring), Microsoft.IdentityModel (IDX10501/10503/10516), Envoy's jwt_authn.
 */
const UNKNOWN_KID = new RegExp([
  String.raw`\bno (?:matching |signing |public )?keys? (?:was )?found for (?:kid|key ?id)\b`,
  String.raw`\bunable to find a signing key that matches\b`,
  String.raw`\bSigningKeyNotFoundError\b`,
  String.raw`\bkey ID\b[^\n]{0,40}\bnot found in the JWKS\b`,
  String.raw`\bfailed to find key with key ID\b`,
  String.raw`\bno applicable key found in the JSON Web Key Set\b`,
  String.raw`\bno matching key\(s\) found\b`,
  String.raw`\bJwks doesn't have key to match kid\b`,
  String.raw`\bIDX105(?:01|03|16)\b`,
  String.raw`\bkid\b[^\n]{0,80}\bnot (?:found|present) in (?:the )?(?:cached )?(?:JWKS|JWK ?set|key ?set|keys)\b`,
  String.raw`\bunknown (?:kid|key id)\b`,
].join('|'), 'i');
/** A client that refetches the key set on an unknown kid says so: that is the cure, not the fault. */
const REFRESHING = /\b(?:refresh(?:ed|ing)?|re-?fetch(?:ed|ing)?|re-?load(?:ed|ing)?)\b/i;
/** The kid the line names, quoted or after `kid=`. */
const KID_VALUE = [
  /\bkid\b(?:\s+is)?\s*[:=]?\s*\\?["'`]([^"'`\\\s]{1,100})\\?["'`]/i,
  /\bmatches:?\s*\\?["'`]([^"'`\\\s]{1,100})\\?["'`]/i,
  /\bkey ID\s*\\?["'`]([^"'`\\\s]{1,100})\\?["'`]/i,
  /\bkid[:=]([\w.:-]{1,100})/i,
];
/** A key-set (re)load the service logs: what its cache holds since then. */
const KEY_SET = /\b(?:jwks|jwk ?set|key ?set|signing keys|public keys)\b/i;
const LOADED = /\b(?:refresh(?:ed)?|fetched|loaded|updated|rotated keys)\b/i;
const KIDS_LIST = /\bkids"?\s*[:=]\s*\[([^\]]*)\]/i;
/** An answer of 401 the service gave its own caller (JSON or logfmt status, or an access-log line). */
const SERVED_401 = /"status(?:_?code|Code)?"\s*:\s*401\b|\bstatus(?:_?code)?=401\b|HTTP\/[\d.]+"?\s+401\b/;

/** Below this many refusals in the sampled tails, an unknown kid is a stray token, not a stale key set. */
export const MIN_UNKNOWN_KID = 5;

export interface UnknownKeyRejections {
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The key ids named, most named first. */
  kids: string[];
  first?: IsoTime;
  last?: IsoTime;
  /** Requests answered 401 in the same tails. */
  served401: number;
  /** The newest key-set load those tails show, with the kids it held when the line lists them. */
  lastRefresh?: { pod: string; line: string; at?: IsoTime; kids?: string[] };
}

export function isUnknownKeyRejection(line: string): boolean {
  return UNKNOWN_KID.test(line) && !REFRESHING.test(line);
}

function readKid(line: string): string | undefined {
  for (const re of KID_VALUE) {
    const v = re.exec(line)?.[1];
    if (v !== undefined) return v;
  }
  return undefined;
}

function readRefresh(log: LogEvidence): UnknownKeyRejections['lastRefresh'] {
  const line = [...log.lines].reverse().find((l) => KEY_SET.test(l) && LOADED.test(l) && !isUnknownKeyRejection(l));
  if (line === undefined) return undefined;
  const at = readLineTime(line);
  const list = KIDS_LIST.exec(line)?.[1];
  const kids = list?.split(',').map((k) => k.trim().replace(/^\\?["']|\\?["']$/g, '')).filter((k) => k !== '');
  return { pod: log.pod, line: line.trim(), ...(at ? { at } : {}), ...(kids ? { kids } : {}) };
}

/** The refused tokens in the current logs, when there are enough of them to matter. */
export function findUnknownKeyRejections(logs: readonly LogEvidence[]): UnknownKeyRejections | undefined {
  const current = logs.filter((l) => !l.previous);
  const hits = current.flatMap((l) => l.lines.filter(isUnknownKeyRejection).map((line) => {
    const at = readLineTime(line);
    return { pod: l.pod, container: l.container, line: line.trim(), ...(at ? { at } : {}) };
  }));
  if (hits.length < MIN_UNKNOWN_KID) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const tails = current.filter((l) => pods.includes(l.pod));
  const counts = new Map<string, number>();
  for (const h of hits) {
    const kid = readKid(h.line);
    if (kid !== undefined) counts.set(kid, (counts.get(kid) ?? 0) + 1);
  }
  const refreshes = tails.flatMap((l) => readRefresh(l) ?? []);
  const lastRefresh = refreshes.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).at(-1);
  const first = earliest(hits.map((h) => h.at));
  const last = latest(hits.map((h) => h.at));
  return {
    hits,
    pods,
    kids: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    served401: tails.reduce((n, l) => n + l.lines.filter((x) => SERVED_401.test(x)).length, 0),
    ...(lastRefresh ? { lastRefresh } : {}),
  };
}

/** Env names of a key-set cache's lifetime: JWKS_CACHE_TTL, OIDC_JWKS_REFRESH_INTERVAL, AUTH_KEYS_CACHE_SECONDS… */
const KEY_SET_NAME = /JWKS?(?![A-Z])|JWKS?_|(?:SIGNING|PUBLIC|VERIFICATION|JWT|OIDC|AUTH|TOKEN)_?KEYS?(?:_?SET)?_|KEYS_?CACHE/i;
const LIFETIME_NAME = /TTL|CACHE|REFRESH|MAX_?AGE|EXPIR|INTERVAL/i;

/** The key-set cache's lifetime as the env sets it (a literal value only). */
export function readKeyCacheTtl(env: readonly EnvVarEvidence[]): { name: string; value: string } | undefined {
  for (const e of env) {
    if (!('value' in e) || e.value.trim() === '') continue;
    if (KEY_SET_NAME.test(e.name) && LIFETIME_NAME.test(e.name) && !/URL|URI|ENDPOINT|HOST/i.test(e.name)) return { name: e.name, value: e.value.trim() };
  }
  return undefined;
}

/** Where the key set comes from, as the env names it: the JWKS URL, else the issuer. */
export function readKeySetSource(env: readonly EnvVarEvidence[]): { name: string; value: string } | undefined {
  const literal = env.filter((e): e is { name: string; value: string } => 'value' in e && /^https?:\/\//i.test(e.value.trim()));
  return literal.find((e) => /JWKS?|JWK_?SET|KEYS?_URL/i.test(e.name)) ?? literal.find((e) => /ISSUER|AUTHORITY|OIDC|IDP/i.test(e.name));
}
