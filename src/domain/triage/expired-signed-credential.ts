/**
 * A time-limited credential kept in configuration — a storage SAS, a presigned or signed URL, a
 * token with an `exp` claim — that ran out while nothing in the cluster changed: the store refuses
 * every request made with it (Azure 403 AuthenticationFailed "Signature not valid in the specified
 * time frame", S3 403 "Request has expired", GCS "ExpiredToken" with "Request signature expired
 * at"), the pods stay Ready. The trigger is the expiry itself. Where the credential is kept in a
 * ConfigMap the pods take variables from, its expiry is read from there (setting-config.ts keeps
 * only the expiry, never the signature). Pure.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { SignedCredentialKind } from './evidence-setting-config.js';
import { readLogLineTime } from './log-line-time.js';
import { HOUR_MS, earliest, isWithin, latest } from './time-span.js';

/** A store's refusal of a request whose signature or token is past its time. */
const SAS_REFUSAL = /Signature not valid in the specified time frame|Signed expiry time \[[^\]]+\] must be after signed start time/i;
const URL_REFUSAL = /\bRequest has expired\b|Request signature expired at/i;
/** Refusals that say only that a token expired: a credential in config is what must confirm them. */
const TOKEN_REFUSAL = /\bExpiredToken\b|\b(token|jwt) (is |has )?expired\b|\bexpired (token|jwt)\b/i;
/** The expiry a refusal states: Azure's `Expiry [Sat, 21 Nov …]`, GCS's `Request signature expired at: …`, S3's `<Expires>…</Expires>`. */
const STATED_EXPIRY = /Expiry \[([^\]]+)\]|Signed expiry time \[([^\]]+)\]|Request signature expired at:?\s*([0-9T:.\-+Z]+)|<Expires>([^<]+)<\/Expires>/i;
/** The error code and HTTP status, where the refusal or the lines around it give them. */
const CODE = /<Code>(\w+)<\/Code>|ERROR CODE:\s*(\w+)|"(?:code|Code|error_code)"\s*:\s*"(\w+)"/;
const STATUS = /\b(?:RESPONSE|status(?:[ _]?code)?"?|HTTP\/[\d.]+)[:= ]\s*"?(4\d\d)\b/i;

const MIN_REFUSALS = 3;
const FRESH_MS = HOUR_MS;

export interface ExpiredCredentialRefusals {
  pods: string[];
  container: string;
  refusals: number;
  /** `sas`: the refusal names the SAS time frame; `url`: a presigned URL past its time; `token`: only an expired token. */
  says: 'sas' | 'url' | 'token';
  /** The refusal's decisive words: `Signature not valid in the specified time frame`. */
  detail: string;
  code?: string;
  status?: string;
  /** The expiry the refusal states. */
  statedExpiry?: IsoTime;
  since?: IsoTime;
}

const parseTime = (text: string): IsoTime | undefined => {
  const t = text.trim();
  const ms = Date.parse(/^\d{8}T\d{6}Z$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z` : t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/** Refusals of an expired signature or token in the current logs of the workload's pods, fresh and repeated. */
export function findExpiredCredentialRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): ExpiredCredentialRefusals | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: { pod: string; container: string; line: string; at?: IsoTime; code?: string; status?: string }[] = [];
  for (const l of logs) {
    if (l.previous || !own.has(l.pod)) continue;
    let last: IsoTime | undefined;
    // One refusal spans several lines (an SDK's banner, then the XML body): its code and status sit on the lines before it.
    let code: string | undefined;
    let status: string | undefined;
    for (const line of l.lines) {
      const t = readLogLineTime(line, now);
      const refusal = SAS_REFUSAL.test(line) || URL_REFUSAL.test(line) || TOKEN_REFUSAL.test(line);
      if (t !== undefined) last = t;
      // A new entry starts with its own time: the code and status of the one before are not its own.
      if (t !== undefined && !refusal) { code = undefined; status = undefined; }
      const c = CODE.exec(line);
      code = c?.[1] ?? c?.[2] ?? c?.[3] ?? code;
      status = STATUS.exec(line)?.[1] ?? status;
      if (refusal) hits.push({ pod: l.pod, container: l.container, line, ...(last !== undefined ? { at: last } : {}), ...(code !== undefined ? { code } : {}), ...(status !== undefined ? { status } : {}) });
    }
  }
  if (hits.length < MIN_REFUSALS) return undefined;
  const newest = latest(hits.map((h) => h.at));
  if (newest !== undefined && !isWithin(newest, now, FRESH_MS)) return undefined;
  const says = hits.some((h) => SAS_REFUSAL.test(h.line)) ? 'sas' : hits.some((h) => URL_REFUSAL.test(h.line)) ? 'url' : 'token';
  const decisive = [...hits].reverse().find((h) => (says === 'sas' ? SAS_REFUSAL : says === 'url' ? URL_REFUSAL : TOKEN_REFUSAL).test(h.line)) ?? hits[hits.length - 1];
  const detail = ((says === 'sas' ? SAS_REFUSAL : says === 'url' ? URL_REFUSAL : TOKEN_REFUSAL).exec(decisive?.line ?? '')?.[0] ?? '').trim();
  const stated = STATED_EXPIRY.exec(decisive?.line ?? '');
  const statedExpiry = stated === null ? undefined : parseTime(stated[1] ?? stated[2] ?? stated[3] ?? stated[4] ?? '');
  const since = earliest(hits.map((h) => h.at));
  const code = decisive?.code ?? hits.find((h) => h.code !== undefined)?.code;
  const status = decisive?.status ?? hits.find((h) => h.status !== undefined)?.status;
  return {
    pods: [...new Set(hits.map((h) => h.pod))],
    container: decisive?.container ?? '',
    refusals: hits.length,
    says,
    detail,
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(statedExpiry !== undefined ? { statedExpiry } : {}),
    ...(since !== undefined ? { since } : {}),
  };
}

export interface CredentialExpiry {
  kind: SignedCredentialKind;
  expiry: IsoTime;
  /** How the value writes its expiry, never its signature: `se=2026-01-01T00:00:00Z`, `X-Amz-Date=…&X-Amz-Expires=604800`, `exp=1767225600`. */
  written: string;
  /** The URL without its query (scheme, host, path), when the value is one. */
  url?: string;
}

const param = (query: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|[?&])${name}=([^&#\\s"']+)`, 'i').exec(query);
  if (m?.[1] === undefined) return undefined;
  try { return decodeURIComponent(m[1]); } catch { return m[1]; }
};

const JWT = /\beyJ[\w-]{4,}\.(eyJ[\w-]{4,})\.[\w-]+/;

/** The expiry a configuration value carries: a SAS's `se=`, an AWS or Google signed URL's date and lifetime, an `Expires=` epoch, a JWT's `exp`. */
export function readCredentialExpiry(value: string): CredentialExpiry | undefined {
  const q = value.indexOf('?');
  const url = /^https?:\/\//i.test(value.trim()) ? value.trim().slice(0, q < 0 ? undefined : q) : undefined;
  const query = q < 0 ? value : value.slice(q);
  const withUrl = (e: Omit<CredentialExpiry, 'url'>): CredentialExpiry => ({ ...e, ...(url !== undefined ? { url } : {}) });
  const se = param(query, 'se');
  if (se !== undefined && (param(query, 'sig') !== undefined || param(query, 'sv') !== undefined)) {
    const expiry = parseTime(se);
    if (expiry !== undefined) return withUrl({ kind: 'SAS', expiry, written: `se=${se}` });
  }
  for (const [date, expires, kind] of [['X-Amz-Date', 'X-Amz-Expires', 'presigned URL'], ['X-Goog-Date', 'X-Goog-Expires', 'signed URL']] as const) {
    const d = param(query, date);
    const e = param(query, expires);
    const start = d === undefined ? undefined : parseTime(d);
    if (start !== undefined && e !== undefined && /^\d+$/.test(e)) {
      return withUrl({ kind, expiry: new Date(Date.parse(start) + Number(e) * 1000).toISOString(), written: `${date}=${d}&${expires}=${e}` });
    }
  }
  const epoch = param(query, 'Expires');
  if (epoch !== undefined && /^\d{9,11}$/.test(epoch)) return withUrl({ kind: 'signed URL', expiry: new Date(Number(epoch) * 1000).toISOString(), written: `Expires=${epoch}` });
  const jwt = JWT.exec(value)?.[1];
  if (jwt !== undefined) {
    try {
      const exp = (JSON.parse(Buffer.from(jwt, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return { kind: 'token', expiry: new Date(exp * 1000).toISOString(), written: `exp=${exp}` };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
