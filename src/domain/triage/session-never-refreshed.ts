/**
 * AWS refusing a process's session credentials because they expired, in pods that have run longer
 * than a session lasts: ExpiredToken / ExpiredTokenException ("The provided token has expired",
 * "The security token included in the request is expired"). Role sessions (sts:AssumeRole, a
 * web-identity token exchange, GetSessionToken) last an hour by default; the SDKs' own providers
 * renew them before they end. A process that assumes the role once at start and builds its
 * clients from those static credentials works for its first session, then every call fails while
 * the pods stay Ready and never restart. Read when the errors begin an hour or more after the pods
 * started and the pods' logs worked before: the code the pods started with holds the fault, so the
 * revision they run dates it, however late the errors begin.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, IsoTime } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { HOUR_MS, MINUTE_MS, earliest, formatSpan, msBetween } from './time-span.js';

const EXPIRED = /\bExpiredToken(?:Exception)?\b|\bThe provided token has expired\b|\bThe security token included in the request is expired\b|\bRequestExpired\b.*\btoken\b/i;
/** A session lasts an hour by default; errors that begin this long after the start came when the first one ended. */
const SESSION_MS = HOUR_MS;
/** Slack for a session shorter than the default, or issued shortly before the start. */
const EARLY_MS = 10 * MINUTE_MS;
/** A role the pods assume (an env value that is a role ARN), and the session length a setting asks for. */
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** Temporary credentials handed to the pods as settings: they expire however the process takes them. */
const GIVEN_SESSION = /^AWS_SESSION_TOKEN$/;
const SESSION_SETTING = /SESSION_?(?:DURATION|SECONDS|TTL)|DURATION_?SECONDS/i;
/** A presigned link refused: the link's own reading (session-signed-links.ts), not the process's clients. */
const LINK_LINE = /presign|pre-sign|signed[ _-]?(?:url|link)|X-Amz-Expires/i;

/** The first stamped line among `lines` that `test` matches. */
function firstTime(lines: readonly string[], test: (l: string) => boolean): IsoTime | undefined {
  return earliest(lines.filter(test).map((l) => readLineTime(l)));
}

export function explainSessionNeverRefreshed(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[], started: readonly IsoTime[]): ClientDiagnosis | undefined {
  const line = [...errors].reverse().find((l) => EXPIRED.test(l));
  if (line === undefined || errors.some((l) => LINK_LINE.test(l))) return undefined;
  const start = earliest(started);
  // When the errors began, as far as the tail shows: the first stamped error record that carries the refusal, else the first stamped error.
  const firstError = firstTime(errors, (l) => EXPIRED.test(l)) ?? firstTime(errors, () => true);
  const firstLine = firstTime(lines, () => true);
  if (start === undefined || firstError === undefined) return undefined;
  const ran = msBetween(start, firstError);
  // Refused within a session of the start: the credentials were stale when the pods got them, another reading.
  if (ran < SESSION_MS - EARLY_MS) return undefined;
  // The tail reaches back before the first refusal by a session: the pods worked until it ended. Otherwise the tail
  // shows only the refusals; when it reaches back to the start, they came with it.
  const worked = firstLine !== undefined && msBetween(firstLine, firstError) >= SESSION_MS - EARLY_MS;
  if (!worked && firstLine !== undefined && msBetween(start, firstLine) < EARLY_MS) return undefined;
  const env = containers.flatMap((c) => c.env ?? []);
  if (env.some((e) => GIVEN_SESSION.test(e.name))) return undefined;
  const role = env.find((e) => 'value' in e && ROLE_ARN.test(e.value.trim()));
  const length = env.find((e) => SESSION_SETTING.test(e.name) && 'value' in e);
  const roleValue = role !== undefined && 'value' in role ? role.value.trim() : undefined;
  const lengthValue = length !== undefined && 'value' in length ? `${length.name}=${length.value}` : undefined;
  const assumed = roleValue !== undefined ? `the role ${roleValue} (${[role?.name, lengthValue].filter(Boolean).join(', ')})` : `their role${lengthValue !== undefined ? ` (${lengthValue})` : ''}`;
  const after = formatSpan(ran);
  const when = worked ? `from ${after} after the pods started` : `in pods up ${after}+ without a restart, past a session's life`;
  const summary = `AWS rejects the session credentials as expired (ExpiredToken) ${when}: ${assumed} was assumed once and is never refreshed`;
  return {
    summary,
    title: (logs) => `${summary.charAt(0).toUpperCase()}${summary.slice(1)} in the ${logs}`,
    likelyCause: `Session credentials (sts:AssumeRole, a web-identity exchange) last an hour by default${lengthValue !== undefined ? ` (${lengthValue} here)` : ''}; the SDKs' own credential providers renew them before they end. ${worked ? `These pods worked for their first ${after} and have been refused with ExpiredToken since` : `These pods have run ${after} and more without a restart and are refused with ExpiredToken`}: the process took credentials for ${assumed} once at start and built its clients from them, so every call after the session ended fails while the pods stay Ready.`,
    nextAction: 'Restart the pods now to mitigate (that buys one more session, not a fix), then build the clients on the SDK\'s refreshing credential provider (the assume-role provider, or IRSA\'s web-identity credentials) instead of credentials fetched once.',
    fix: 'use the SDK\'s refreshing credential provider (assume-role provider or IRSA web identity) instead of credentials assumed once at start',
    latent: `the credentials were taken once when the pods started and expire a session later, so errors that begin a session or more after the start still come from the code the pods started with`,
  };
}
