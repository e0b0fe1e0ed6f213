/**
 * Tokens the service refuses because their audience (`aud`) is not the one it is configured to
 * accept. A stray token for another API is a caller's mistake; every token refused for its
 * audience since a moment, with no request served after, is the service's audience setting no
 * longer matching what its callers ask their identity provider for — most often a revision that
 * changed the setting before the callers moved. Every caller gets 401 while the pods stay Ready,
 * and validators log it at WARN or INFO, so only these lines tell it.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import { findTokenSetting } from './issuer-setting.js';
import type { IssuerSetting } from './issuer-setting.js';
import { findClaimRefusals, mostNamed, readExpectedGot } from './token-issuer-mismatch.js';
import type { ClaimRefusals, ExpectedGotPattern } from './token-issuer-mismatch.js';

/**
 * The validators' words for a token meant for another audience: go-jose, golang-jwt, go-oidc,
 * node jsonwebtoken and jose, PyJWT, Microsoft.IdentityModel (IDX10214), Spring Security, Nimbus,
 * Auth0's java-jwt.
 */
const WRONG_AUDIENCE = new RegExp([
  String.raw`\binvalid audience claim\b`,
  String.raw`\btoken has invalid audience\b`,
  String.raw`\bexpected audience \\?"`,
  String.raw`\bjwt audience invalid\b`,
  String.raw`\bInvalidAudienceError\b`,
  String.raw`\b(?:invalid|unexpected) audience\b`,
  String.raw`\baudience (?:doesn't|does not|did not) match\b`,
  String.raw`\bIDX10214\b`,
  String.raw`\bThe aud claim is not valid\b`,
  String.raw`\bThe required audience is missing\b`,
  String.raw`\bJWT audience rejected\b`,
  String.raw`\bunexpected \\?"aud\\?" claim value\b`,
  String.raw`\bClaim 'aud' value doesn't contain\b`,
].join('|'), 'i');

/** Where the line names the audience expected and the one the token carried. */
const EXPECTED_GOT: readonly ExpectedGotPattern[] = [
  // go-oidc: expected audience "X" got ["Y"]
  { re: /expected audience \\?"([^"\\\s]+)\\?" got \[?\\?"([^"\\\s]+)/i, expected: 1, got: 2 },
  // IDX10214: Audiences: 'Y'. Did not match: validationParameters.ValidAudience: 'X'
  { re: /Audiences?: \\?'([^'\\\s]+)\\?'[^\n]{0,40}Did not match:[^\n]{0,60}?ValidAudiences?: \\?'([^'\\\s]+)/i, expected: 2, got: 1 },
];
const EXPECTED_ONLY = /audience invalid\. expected: ([^\s"\\]+)/i;

/** Names of an audience setting: OIDC_AUDIENCE, JWT_AUD, AUTH_API_AUDIENCE, --oidc-audience. */
const AUDIENCE_NAME = /AUDIENCE|(?:^|_)AUD$/i;
const AUDIENCE_ARG = /^--?[\w.-]*audience[\w.-]*=(\S+)$/i;

export interface AudienceMismatch extends ClaimRefusals {
  /** The audience the service accepts, as the validator says it. */
  expected?: string;
  /** The audience the refused tokens carry, most named first. */
  got?: string;
}

export function isWrongAudienceRejection(line: string): boolean {
  return WRONG_AUDIENCE.test(line);
}

/** Every token refused for its audience, outnumbering the requests served since the first. */
export function findAudienceMismatch(logs: readonly LogEvidence[], now: IsoTime): AudienceMismatch | undefined {
  const r = findClaimRefusals(logs, now, isWrongAudienceRejection);
  if (r === undefined) return undefined;
  const read = r.hits.map((h) => readExpectedGot(h.line, EXPECTED_GOT, EXPECTED_ONLY));
  const expected = mostNamed(read.map((a) => a.expected));
  const got = mostNamed(read.map((a) => a.got));
  return { ...r, ...(expected ? { expected } : {}), ...(got ? { got } : {}) };
}

/** Where the container sets the audience it accepts. */
export function findAudienceSetting(c: ContainerSpecEvidence | undefined, objects: readonly NamespaceObjectEvidence[] = []): IssuerSetting | undefined {
  return findTokenSetting(c, objects, AUDIENCE_NAME, AUDIENCE_ARG);
}

/** The validator's own clause within the line: from the last ": " before the words that name the audience. */
export function quoteAudienceRefusal(text: string): string {
  const m = WRONG_AUDIENCE.exec(text);
  if (m === null) return text;
  const start = text.lastIndexOf(': ', m.index);
  return (start < 0 ? text : text.slice(start + 2)).replace(/\s+\([^()]*\)$/, '').replace(/["\\]+$/, '');
}
