/**
 * Tokens the service refuses for their signing algorithm (the header's `alg`): its verifier allows
 * one family (HS256 with a shared secret) and the tokens now come signed with another (RS256 with
 * the issuer's private key). One such token is a caller's mistake; every token refused since a
 * moment is the issuer having changed how it signs while the service was not migrated — every user
 * gets 401 while the pods stay Ready. Validators log it at WARN or INFO, so only these lines tell it.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';
import type { RevisionEvidence } from './evidence-spec.js';
import { findClaimRefusals, mostNamed, type ClaimRefusals } from './token-issuer-mismatch.js';
import { HOUR_MS, MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/**
 * The validators' words for a token signed with an algorithm they do not allow: node jsonwebtoken
 * ("invalid algorithm"), golang-jwt ("signing method RS256 is invalid", "unexpected signing
 * method"), PyJWT, node jose, Nimbus, Auth0's java-jwt, jwx.
 */
const WRONG_ALG = new RegExp([
  String.raw`\binvalid algorithm\b`,
  String.raw`\bsigning method \w+ is invalid\b`,
  String.raw`\bunexpected signing method\b`,
  String.raw`\bThe specified alg value is not allowed\b`,
  String.raw`\bInvalidAlgorithmError\b`,
  String.raw`\\?"alg\\?" \(Algorithm\) Header Parameter value not allowed`,
  String.raw`\bJOSEAlgNotAllowed\b`,
  String.raw`\bAnother algorithm expected\b`,
  String.raw`\bAlgorithmMismatchException\b`,
  String.raw`\bThe provided Algorithm doesn't match\b`,
  String.raw`\balgorithm \w+ (?:is )?not allowed\b`,
].join('|'), 'i');

/** A JWS algorithm name. */
const ALG_NAME = /\b(?:[HREP]S(?:256|384|512)|EdDSA)\b/g;
/** Where a line names the refused token's algorithm: its header as JSON, or the validator's sentence. */
const TOKEN_ALG: RegExp[] = [
  /\\?"alg\\?"\s*:\s*\\?"(\w+)/,
  /signing method:? (\w+)/i,
  /\balg(?:orithm)?[=:]\s*(\w+)/,
];
/** Where a line lists what the verifier allows: `"allowed":["HS256"]`, `algorithms=[HS256]`. */
const ALLOWED_LIST = /\\?"?(?:allowed|algorithms|allowedAlgorithms|allowed_algs)\\?"?\s*[:=]\s*\[([^\]]*)\]/i;
/** Names of an algorithm setting: AUTH_JWT_ALG, TOKEN_ALGORITHM, any name with ALG in it. */
const ALG_SETTING = /ALG/i;

/** How long before the first refusal an issuer's rollout is still its trigger. */
const BEFORE_MS = 6 * HOUR_MS;

export interface AlgorithmMismatch extends ClaimRefusals {
  /** The algorithm the refused tokens are signed with, most named first. */
  got?: string;
  /** The algorithms the verifier allows, as its refusal lists them. */
  allowed: string[];
}

export function isWrongAlgorithmRejection(line: string): boolean {
  return WRONG_ALG.test(line);
}

function readTokenAlg(line: string): string | undefined {
  for (const re of TOKEN_ALG) {
    const v = re.exec(line)?.[1];
    if (v !== undefined && new RegExp(`^${ALG_NAME.source}$`).test(v)) return v;
  }
  return undefined;
}

/** Every token refused for its algorithm, with the algorithm the tokens carry and the ones allowed. */
export function findAlgorithmMismatch(logs: readonly LogEvidence[], now: IsoTime): AlgorithmMismatch | undefined {
  const r = findClaimRefusals(logs, now, isWrongAlgorithmRejection);
  if (r === undefined) return undefined;
  const got = mostNamed(r.hits.map((h) => readTokenAlg(h.line)));
  const allowed = [...new Set(r.hits.flatMap((h) => (ALLOWED_LIST.exec(h.line)?.[1] ?? '').match(ALG_NAME) ?? []))];
  return { ...r, ...(got ? { got } : {}), allowed };
}

/** The cluster reads it asks for: the namespace's rollouts since a while before the first refusal (the issuer that changed how it signs). */
export function needsSigningRollouts(seen: { logs: readonly LogEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const r = findAlgorithmMismatch(seen.logs, seen.collectedAt);
  if (r === undefined) return undefined;
  return { since: new Date(Date.parse(r.first ?? seen.collectedAt) - BEFORE_MS).toISOString() };
}

/** The algorithm names a literal env value or argument of a revision holds, by setting. */
function algSettings(r: RevisionEvidence | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of r?.containers ?? []) {
    for (const e of c.env) if ('value' in e && ALG_SETTING.test(e.name) && e.value.match(ALG_NAME)) out.set(e.name, e.value);
    for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
      const m = /^--?([\w.-]*alg[\w.-]*)=(.+)$/i.exec(a.trim());
      if (m?.[1] && m[2]?.match(ALG_NAME)) out.set(m[1], m[2]);
    }
  }
  return out;
}

export interface SigningChange {
  /** "auth/token-issuer's revision 5 (40m ago) changed SIGNING_ALG HS256 → RS256" */
  text: string;
  deployment: string;
  revision: number;
  setting: { name: string; value: string; before: string };
  at: IsoTime;
}

/**
 * The other Deployment of the namespace whose newest revision, rolled out shortly before the first
 * refusal, changed an algorithm setting to the one the refused tokens carry: the issuer that now
 * signs them so. Only a value that differs from its revision before counts.
 */
export function findSigningChange(rollouts: readonly NamespaceRolloutEvidence[] | undefined, m: AlgorithmMismatch, namespace: string, now: IsoTime): SigningChange | undefined {
  if (m.got === undefined) return undefined;
  const got = m.got;
  const until = m.first ?? now;
  for (const r of rollouts ?? []) {
    const [newest, previous] = r.revisions;
    if (newest === undefined || previous === undefined) continue;
    const lead = msBetween(newest.createdAt, until);
    if (Number.isNaN(lead) || lead < -2 * MINUTE_MS || lead > BEFORE_MS) continue;
    const before = algSettings(previous);
    for (const [name, value] of algSettings(newest)) {
      const was = before.get(name);
      if (was === undefined || was === value || !value.includes(got) || was.includes(got)) continue;
      return {
        text: `${namespace}/${r.deployment}'s revision ${newest.revision} (${formatAgo(newest.createdAt, now)}) changed ${name} ${was} → ${value}`,
        deployment: r.deployment,
        revision: newest.revision,
        setting: { name, value, before: was },
        at: newest.createdAt,
      };
    }
  }
  return undefined;
}

export { ALG_SETTING };
