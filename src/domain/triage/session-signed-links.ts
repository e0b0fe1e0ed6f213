/**
 * Presigned links that die with the session that signed them. An S3 (or S3-compatible) presigned
 * URL carries the signer's credentials: signed with temporary ones — an IRSA web-identity
 * session, EKS Pod Identity, an assumed role, a node's instance role — it stops working when that
 * session expires (about an hour by default), whatever lifetime X-Amz-Expires promises; the store
 * then answers 400 ExpiredToken ("The provided token has expired"). A workload moved from
 * long-term access keys to role credentials keeps issuing week-long links that now fail after an
 * hour, while its pods stay Ready. Read when the refusals keep coming (in the workload's logs or
 * its front proxy's), the workload signs on session credentials, and the lifetime it promises its
 * links is longer than such a session.
 */
import type { EnvVarEvidence, IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';
import { listStepsBack, sortRevisions } from './revision-diff.js';
import { HOUR_MS, earliest, isWithin, latest } from './time-span.js';

/** The store refusing a request signed with an expired session token, or a presigned request past its time. */
const REFUSAL = /\bExpiredToken\b|\bThe provided token has expired\b|\bRequest has expired\b/i;
/** The refusal that names the token, not the link: the session expired. */
const TOKEN_EXPIRED = /\bExpiredToken\b|\bThe provided token has expired\b/i;
/** A line about a presigned or signed link. */
const LINK_LINE = /presign|pre-sign|signed[ _-]?(url|link)|(download|share|export)[ _-]?(url|link)|X-Amz-Expires/i;
/** The lifetime a link is issued with, as a log line writes it. */
const LINE_LIFETIME = /"?\b(expires_?in|expiresIn|expiry|ttl|link_ttl|url_ttl|valid_for|validFor|lifetime)"?\s*[:=]\s*"?(\d+(?:\.\d+)?(?:ms|[dhms])(?:\d+(?:\.\d+)?(?:ms|[dhms]))*)"?/i;
const AMZ_EXPIRES = /X-Amz-Expires=(\d+)/;
/** An env setting of a link's lifetime: a link word and a lifetime word in its name. */
const LINK_SETTING = /(PRESIGN|SIGNED|LINK|URL|DOWNLOAD|SHARE)/i;
const LIFETIME_SETTING = /(TTL|EXPIR|LIFETIME|DURATION|VALID)/i;

/** Static access keys: long-term credentials unless a session token comes with them. */
const STATIC_KEY = 'AWS_ACCESS_KEY_ID';
const SESSION_TOKEN = 'AWS_SESSION_TOKEN';
/** Env that gives the pod role credentials of its own: IRSA's web identity, EKS Pod Identity. */
const ROLE_ENV: readonly [string, string][] = [
  ['AWS_WEB_IDENTITY_TOKEN_FILE', 'IRSA web identity role credentials'],
  ['AWS_ROLE_ARN', 'IRSA web identity role credentials'],
  ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'EKS Pod Identity role credentials'],
];
/** A log line naming the credential provider the SDK took. */
const LOGGED_PROVIDER: readonly [RegExp, string][] = [
  [/WebIdentity|AssumeRoleWithWebIdentity/i, 'web identity role credentials'],
  [/ContainerCredentials|PodIdentity/i, 'EKS Pod Identity role credentials'],
  [/AssumeRole\b|AssumedRole|\bSTS\b[^\n]{0,40}credential/i, 'assumed-role session credentials'],
  [/InstanceMetadata|InstanceProfile|\bIMDS\b/i, 'node instance-role credentials'],
];

/** Refusals before it counts, and how recent the newest must be: a few or old ones are a stray link. */
const MIN_REFUSALS = 3;
const FRESH_MS = HOUR_MS;
/** How long a web-identity or assumed-role session lasts unless asked for longer: the default DurationSeconds. */
export const SESSION_MS = HOUR_MS;
/** A node's instance-role credentials rotate every few hours: links signed with them last up to six. */
const INSTANCE_ROLE_MS = 6 * HOUR_MS;

export interface LinkLifetime {
  /** `LINK_TTL=72h`, `expires_in 72h0m0s`, `X-Amz-Expires=259200`. */
  written: string;
  ms: number;
  /** `the pod template's env`, `the logs of <pod>`. */
  source: string;
}

export interface SessionMove {
  /** The revision that moved the workload to role credentials, and the one before. */
  revision: RevisionEvidence;
  before: RevisionEvidence;
  /** What it changed about the credentials: `removed AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY`, `serviceAccountName default → x`. */
  changes: string[];
}

export interface SessionSignedLinks {
  refusals: number;
  pods: string[];
  /** The last refusal line, as logged. */
  line: string;
  /** Where it was logged: `the logs of 2 pods`, `the logs of proxy x`. */
  where: string;
  since?: IsoTime;
  /** The temporary credentials the pods sign with, in words: `IRSA web identity role credentials`, `EKS Pod Identity role credentials`. */
  credentials: string;
  /** How that is known: `AWS_ROLE_ARN in the pod's env`, `credential_source WebIdentityCredentials in the logs`. */
  credentialsSeen: string;
  lifetime: LinkLifetime;
  /** How long such a session lasts at most, as the store will honour a link signed with it. */
  sessionMs: number;
  move?: SessionMove;
}

/** "72h0m0s", "3d", "90m", "259200s" as milliseconds; undefined for anything else. */
export function parseLifetime(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(ms|[dhms]))+$/i.test(t)) return undefined;
  const unit: Record<string, number> = { d: 24 * HOUR_MS, h: HOUR_MS, m: 60_000, s: 1000, ms: 1 };
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|[dhms])/gi)) ms += Number(m[1]) * (unit[(m[2] ?? '').toLowerCase()] ?? 0);
  return ms;
}

const literal = (env: readonly EnvVarEvidence[], name: string): boolean => env.some((e) => e.name === name);

/** The longest lifetime the workload promises its links: X-Amz-Expires in a URL it logs, a lifetime field of a line about a link, an env setting. */
export function findLinkLifetime(lines: readonly { pod: string; line: string }[], env: readonly EnvVarEvidence[]): LinkLifetime | undefined {
  const found: LinkLifetime[] = [];
  for (const { pod, line } of lines) {
    const amz = AMZ_EXPIRES.exec(line);
    if (amz?.[1] !== undefined) found.push({ written: `X-Amz-Expires=${amz[1]}`, ms: Number(amz[1]) * 1000, source: `the logs of ${pod}` });
    if (!LINK_LINE.test(line) || REFUSAL.test(line)) continue;
    const field = LINE_LIFETIME.exec(line);
    const ms = field?.[2] !== undefined ? parseLifetime(field[2]) : undefined;
    if (field !== null && ms !== undefined) found.push({ written: `${field[1] ?? ''} ${field[2] ?? ''}`, ms, source: `the logs of ${pod}` });
  }
  for (const e of env) {
    if (!('value' in e) || !LINK_SETTING.test(e.name) || !LIFETIME_SETTING.test(e.name)) continue;
    const ms = parseLifetime(e.value) ?? (/SECONDS?$/i.test(e.name) && /^\d+$/.test(e.value.trim()) ? Number(e.value) * 1000 : undefined);
    if (ms !== undefined) found.push({ written: `${e.name}=${e.value}`, ms, source: "the pod template's env" });
  }
  return found.sort((a, b) => b.ms - a.ms)[0];
}

/** The newest step back in the history that moved the workload from static keys to role credentials. */
export function findSessionMove(revisions: readonly RevisionEvidence[], pods: readonly { revisionHash?: string }[]): SessionMove | undefined {
  const steps = listStepsBack(revisions, pods);
  const pairs = steps.length > 0 ? steps : (() => { const [a, b] = sortRevisions(revisions); return a && b ? [[a, b] as [RevisionEvidence, RevisionEvidence]] : []; })();
  for (const [newer, older] of pairs) {
    const envOf = (r: RevisionEvidence) => r.containers.flatMap((c) => c.env ?? []);
    const was = envOf(older);
    const now = envOf(newer);
    const removed = literal(was, STATIC_KEY) && !literal(now, STATIC_KEY) ? was.filter((e) => /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(e.name) && !literal(now, e.name)).map((e) => e.name) : [];
    const added = ROLE_ENV.map(([name]) => name).filter((n) => literal(now, n) && !literal(was, n));
    const saWas = older.template?.serviceAccountName ?? 'default';
    const saNow = newer.template?.serviceAccountName ?? 'default';
    const changes = [
      ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : []),
      ...(added.length > 0 ? [`added ${added.join(', ')}`] : []),
      ...(saWas !== saNow && (removed.length > 0 || added.length > 0) ? [`serviceAccountName ${saWas} → ${saNow}`] : []),
    ];
    if (changes.length > 0) return { revision: newer, before: older, changes };
  }
  return undefined;
}

/** The temporary credentials the pods sign with: their env, else the provider their logs name, else the move to a service account of their own. */
function findSessionCredentials(env: readonly EnvVarEvidence[], lines: readonly string[], move: SessionMove | undefined, serviceAccount: string | undefined): { credentials: string; seen: string } | undefined {
  const role = ROLE_ENV.find(([name]) => literal(env, name));
  if (role !== undefined) return { credentials: role[1], seen: `${role[0]} in the pods' env` };
  // Long-term keys in the env win over any provider a log names, unless a session token comes with them.
  if (literal(env, STATIC_KEY) && !literal(env, SESSION_TOKEN)) return undefined;
  if (literal(env, SESSION_TOKEN)) return { credentials: 'session credentials (with AWS_SESSION_TOKEN)', seen: `${SESSION_TOKEN} in the pods' env` };
  for (const line of lines) {
    if (!/credential|provider|role_arn|roleArn/i.test(line)) continue;
    const hit = LOGGED_PROVIDER.find(([re]) => re.test(line));
    if (hit !== undefined) return { credentials: hit[1], seen: `the credential provider their logs name (${(hit[0].exec(line)?.[0] ?? '')})` };
  }
  if (move !== undefined && serviceAccount !== undefined && serviceAccount !== 'default') return { credentials: `role credentials of service account ${serviceAccount}`, seen: `the static keys removed for service account ${serviceAccount}` };
  return undefined;
}

/**
 * Presigned links refused for an expired session token, where the workload signs with temporary
 * credentials and promises its links a lifetime longer than such a session. `logs` are the
 * workload's own pods' (current runs) and, when read, its front proxy's.
 */
export function findSessionSignedLinks(input: {
  logs: readonly LogEvidence[];
  proxyLogs?: readonly LogEvidence[];
  proxy?: string;
  pods: readonly PodEvidence[];
  revisions: readonly RevisionEvidence[];
  now: IsoTime;
}): SessionSignedLinks | undefined {
  const own = new Set(input.pods.map((p) => p.name));
  const logs = input.logs.filter((l) => !l.previous && own.has(l.pod));
  const proxyLogs = (input.proxyLogs ?? []).filter((l) => !l.previous);
  const hits = [...logs, ...proxyLogs].flatMap((l) => {
    let last: IsoTime | undefined;
    return l.lines.flatMap((line) => {
      last = readLogLineTime(line, input.now) ?? last;
      return REFUSAL.test(line) ? [{ pod: l.pod, line: line.trim(), proxy: !own.has(l.pod), ...(last !== undefined ? { at: last } : {}) }] : [];
    });
  });
  if (hits.length < MIN_REFUSALS || !hits.some((h) => TOKEN_EXPIRED.test(h.line))) return undefined;
  const newest = latest(hits.map((h) => h.at));
  if (newest !== undefined && !isWithin(newest, input.now, FRESH_MS)) return undefined;
  const allLines = [...logs, ...proxyLogs].flatMap((l) => l.lines.map((line) => ({ pod: l.pod, line })));
  const env = input.pods.flatMap((p) => p.containers.flatMap((c) => c.env ?? []));
  const [current] = sortRevisions(input.revisions);
  const templateEnv = env.length > 0 ? env : (current?.containers.flatMap((c) => c.env ?? []) ?? []);
  const lifetime = findLinkLifetime(allLines, templateEnv);
  if (lifetime === undefined || lifetime.ms <= SESSION_MS) return undefined;
  const move = findSessionMove(input.revisions, input.pods);
  const serviceAccount = input.pods[0]?.serviceAccountName ?? current?.template?.serviceAccountName;
  const session = findSessionCredentials(templateEnv, allLines.map((l) => l.line), move, serviceAccount);
  if (session === undefined) return undefined;
  const sessionMs = /instance-role/.test(session.credentials) ? INSTANCE_ROLE_MS : SESSION_MS;
  if (lifetime.ms <= sessionMs) return undefined;
  const pods = [...new Set(hits.filter((h) => !h.proxy).map((h) => h.pod))];
  const fromProxy = hits.some((h) => h.proxy);
  const where = [
    ...(pods.length > 0 ? [`the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`] : []),
    ...(fromProxy ? [`the log of ${input.proxy ? `proxy ${input.proxy}` : 'the proxy in front'}`] : []),
  ].join(' and ');
  const since = earliest(hits.map((h) => h.at));
  const last = [...hits].reverse().find((h) => TOKEN_EXPIRED.test(h.line)) ?? hits[hits.length - 1];
  return {
    refusals: hits.length,
    pods,
    line: last?.line ?? '',
    where,
    ...(since !== undefined ? { since } : {}),
    credentials: session.credentials,
    credentialsSeen: session.seen,
    lifetime,
    sessionMs,
    ...(move !== undefined ? { move } : {}),
  };
}
