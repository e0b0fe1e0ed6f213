/**
 * Tokens the service refuses because their issuer (`iss`) is not the one it is configured to
 * trust. One such token is a caller's mistake (a staging token sent to production); every token
 * refused since a moment, with no request served after, is the service's configuration no longer
 * matching its identity provider — the provider's hostname or realm changed, or the service's
 * issuer setting did — and every user gets 401 while the pods stay Ready. Validators log it at
 * WARN or INFO, so only these lines tell it.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';
import { earliest, latest } from './time-span.js';

/**
 * The validators' words for a token from another issuer: go-oidc, golang-jwt, jwx, node
 * jsonwebtoken and jose, PyJWT, Microsoft.IdentityModel (IDX10205), Spring Security, Nimbus,
 * Auth0's java-jwt, SmallRye JWT.
 */
const WRONG_ISSUER = new RegExp([
  String.raw`\bissued by a different provider\b`,
  String.raw`\btoken has invalid issuer\b`,
  String.raw`\b(?:jwt )?issuer invalid\b`,
  String.raw`\binvalid (?:token )?issuer\b`,
  String.raw`\bInvalidIssuerError\b`,
  String.raw`\bIDX10205\b`,
  String.raw`\bThe iss claim is not valid\b`,
  String.raw`\biss claim has value\b`,
  String.raw`\bClaim 'iss' value doesn't match\b`,
  String.raw`\bunexpected \\?"iss\\?" claim value\b`,
  String.raw`\\?"iss\\?" not satisfied\b`,
  String.raw`\bissuer (?:mismatch|does not match|did not match)\b`,
].join('|'), 'i');

/** Where the line says which issuer was expected and which the token carried. */
const EXPECTED_GOT: readonly ExpectedGotPattern[] = [
  // go-oidc: expected "X" got "Y"
  { re: /expected \\?["']([^"'\\\s]+)\\?["'],? got \\?["']([^"'\\\s]+)\\?["']/i, expected: 1, got: 2 },
  // IDX10205: Issuer: 'Y'. Did not match: validationParameters.ValidIssuer: 'X'
  { re: /Issuer: \\?["']([^"'\\\s]+)\\?["'][^\n]{0,40}Did not match:[^\n]{0,60}?ValidIssuers?: \\?["']([^"'\\\s]+)\\?["']/i, expected: 2, got: 1 },
  // Nimbus: JWT iss claim has value Y, must be X
  { re: /iss claim has value ([^\s,]+), must be ([^\s,"\\]+)/i, expected: 2, got: 1 },
];
/** jsonwebtoken's "jwt issuer invalid. expected: X": the expected issuer only. */
const EXPECTED_ONLY = /issuer invalid\. expected: ([^\s"\\]+)/i;
/** A request the service answered: its status as JSON, logfmt or an access-log line. */
const STATUS = /"status(?:_?code|Code)?"\s*:\s*(\d{3})\b|\bstatus(?:_?code)?=(\d{3})\b|HTTP\/[\d.]+"?\s+(\d{3})\b/;
const PROBE = /kube-probe|\/(?:healthz?|readyz?|livez?|ready|live|ping|metrics)\b/i;

/** Below this many refusals in the sampled tails, a foreign issuer is a stray token. */
export const MIN_WRONG_ISSUER = 5;

export interface IssuerMismatch {
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The issuer the service trusts, as the validator says it. */
  expected?: string;
  /** The issuer the refused tokens carry, most named first. */
  got?: string;
  first?: IsoTime;
  last?: IsoTime;
  /** Requests answered 401 in the same tails after the first refusal. */
  served401: number;
  /** Requests answered 2xx or 3xx after the first refusal (probes aside). */
  servedOkAfter: number;
  /** A tail shows a request served before its first refusal: `first` is the onset, not just where the tails begin. */
  onsetSeen: boolean;
}

export function isWrongIssuerRejection(line: string): boolean {
  return WRONG_ISSUER.test(line);
}

/** Where a validator's wording puts the value it wanted and the one the token carried. */
export interface ExpectedGotPattern {
  re: RegExp;
  expected: number;
  got: number;
}

/** The claim value a refusal line says was expected, and the one the token carried, by the first pattern that matches. */
export function readExpectedGot(line: string, patterns: readonly ExpectedGotPattern[], expectedOnly: RegExp): { expected?: string; got?: string } {
  for (const p of patterns) {
    const m = p.re.exec(line);
    if (m) return { ...(m[p.expected] ? { expected: m[p.expected] } : {}), ...(m[p.got] ? { got: m[p.got] } : {}) };
  }
  const e = expectedOnly.exec(line)?.[1];
  return e ? { expected: e } : {};
}

/** The value named most often. */
export function mostNamed(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The refusals of one kind in the current tails, and the requests answered around them. */
export interface ClaimRefusals {
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  first?: IsoTime;
  last?: IsoTime;
  served401: number;
  servedOkAfter: number;
  onsetSeen: boolean;
}

/**
 * Lines `isRefusal` picks in the current logs, with the requests answered 401 and 2xx/3xx after
 * the first of them (probes aside), when they are the service's configuration: at least
 * MIN_WRONG_ISSUER of them, outnumbering the requests served (a minority among successes is callers').
 */
export function findClaimRefusals(logs: readonly LogEvidence[], now: IsoTime, isRefusal: (line: string) => boolean): ClaimRefusals | undefined {
  const hits: ClaimRefusals['hits'] = [];
  let served401 = 0;
  let servedOkAfter = 0;
  let onsetSeen = false;
  for (const log of logs.filter((l) => !l.previous)) {
    const firstHit = log.lines.findIndex(isRefusal);
    if (firstHit < 0) continue;
    log.lines.forEach((line, i) => {
      if (isRefusal(line)) {
        const at = readLogLineTime(line, now);
        hits.push({ pod: log.pod, container: log.container, line: line.trim(), ...(at ? { at } : {}) });
        return;
      }
      if (PROBE.test(line)) return;
      const m = STATUS.exec(line);
      const status = Number(m?.[1] ?? m?.[2] ?? m?.[3] ?? 0);
      if (i < firstHit) {
        if (status >= 200 && status < 400) onsetSeen = true;
        return;
      }
      if (status === 401) served401++;
      else if (status >= 200 && status < 400) servedOkAfter++;
    });
  }
  if (hits.length < MIN_WRONG_ISSUER || servedOkAfter >= hits.length) return undefined;
  const first = earliest(hits.map((h) => h.at));
  const last = latest(hits.map((h) => h.at));
  return {
    hits,
    pods: [...new Set(hits.map((h) => h.pod))],
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
    served401,
    servedOkAfter,
    onsetSeen,
  };
}

/** Every token refused for its issuer, with the issuers the validator names. */
export function findIssuerMismatch(logs: readonly LogEvidence[], now: IsoTime): IssuerMismatch | undefined {
  const r = findClaimRefusals(logs, now, isWrongIssuerRejection);
  if (r === undefined) return undefined;
  const issuers = r.hits.map((h) => readExpectedGot(h.line, EXPECTED_GOT, EXPECTED_ONLY));
  const expected = mostNamed(issuers.map((i) => i.expected));
  const got = mostNamed(issuers.map((i) => i.got));
  return { ...r, ...(expected ? { expected } : {}), ...(got ? { got } : {}) };
}

/** The validator's own sentence within the line, from the clause that names the wrong issuer: `id token issued by a different provider, expected "X" got "Y"`. */
export function quoteRefusal(text: string): string {
  const m = WRONG_ISSUER.exec(text);
  if (m === null) return text;
  const start = text.lastIndexOf(': ', m.index);
  return (start < 0 ? text : text.slice(start + 2)).replace(/\s+\([^()]*\)$/, '');
}

/** The host of an issuer URL ("login.acme.io"), or the value itself when it is no URL. */
export function issuerHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}
