/**
 * A server that now demands authentication from a client that sends none: Elasticsearch 8.x turns
 * security on by default (an upgrade from 7.x answers every anonymous call 401 security_exception
 * "missing authentication credentials for REST request"), a Redis given a password answers NOAUTH,
 * a MongoDB started with authorization answers "requires authentication". The server is up and
 * answers; the client did not change. When the server's own workload rolled out just before
 * (server-upgrade.ts reads it), that rollout is the trigger and the fix is on the client's side
 * (credentials) or in the server's security settings, not a revert of the server's major upgrade.
 * Read only with that rollout known: without it a 401 may be a rotated or wrong secret.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ToldReading } from './told-reading.js';

interface AuthRefusal {
  /** The server, as the title names it. */
  server: string;
  /** The refusal as the client logs it. */
  refusal: RegExp;
  /** The words quoted in the title. */
  said: string;
}

const AUTH_REFUSALS: readonly AuthRefusal[] = [
  { server: 'Elasticsearch', refusal: /missing authentication (?:credentials|token) for REST request/i, said: '401 security_exception "missing authentication credentials"' },
  { server: 'Redis', refusal: /\bNOAUTH Authentication required\b/, said: 'NOAUTH "Authentication required"' },
  { server: 'MongoDB', refusal: /\bcommand \w+ requires authentication\b/, said: '"requires authentication" (code 13, Unauthorized)' },
];

/** Any of the refusals: the collector's cue to read the server's pod and rollout (server-upgrade.ts). */
export const SERVER_AUTH_REFUSAL = { test: (line: string): boolean => AUTH_REFUSALS.some((r) => r.refusal.test(line)) };
/** Per server, for the address lookup of server-upgrade.ts. */
export const ES_AUTH_REFUSAL = AUTH_REFUSALS[0] as AuthRefusal;
export const REDIS_AUTH_REFUSAL = AUTH_REFUSALS[1] as AuthRefusal;
export const MONGO_AUTH_REFUSAL = AUTH_REFUSALS[2] as AuthRefusal;

/** `serverRolled`: the server's own recent rollout (server-upgrade.ts); without it this reading says nothing. */
export function readServerAuthRefusal(told: string, lines: readonly string[], serverRolled?: { said: string; evidence: string }): ToldReading | undefined {
  if (serverRolled === undefined) return undefined;
  const r = AUTH_REFUSALS.find((x) => x.refusal.test(told)) ?? AUTH_REFUSALS.find((x) => lines.some((l) => x.refusal.test(l)));
  if (r === undefined) return undefined;
  return {
    title: `${r.server} answers ${r.said} to the app's unauthenticated calls, since ${serverRolled.said}`,
    cause:
      `the server is up and answers, but refuses every call that carries no credentials, as ${r.server} now requires authentication and the app, unchanged, sends none. ` +
      `The server changed under it: ${serverRolled.said}${r.server === 'Elasticsearch' ? ' (Elasticsearch 8.x enables security by default: authentication, and TLS on HTTP for new clusters)' : ''}. That rollout is the trigger; restarting or redeploying the app does not help.`,
    action:
      `Give the app the credentials the server now requires (a user and password or an API key from a Secret, and the server's scheme and CA if it now serves TLS), or configure the server's security deliberately. ` +
      `Putting the server back is seldom the safe way out for a data store (what a newer version wrote may not open in the older one), so do not revert it without checking. Restarting the app's pods does not help.`,
    fix: `give the app credentials for ${r.server} (or configure the server's security deliberately)`,
    datesChange: true,
    evidence: [serverRolled.evidence],
  };
}

/** The same reading for pods that stay Ready while their calls fail (client-diagnosis.ts): errors, not one quoted line. */
export function explainServerAuthRefusal(errors: readonly string[], lines: readonly string[], serverRolled?: { said: string; evidence: string }): ClientDiagnosis | undefined {
  const decisive = errors.find((l) => SERVER_AUTH_REFUSAL.test(l));
  const read = decisive === undefined ? undefined : readServerAuthRefusal(decisive, lines, serverRolled);
  if (read === undefined || decisive === undefined) return undefined;
  return {
    summary: read.title,
    ...(decisive.length <= 300 ? { decisive: decisive.trim() } : {}),
    likelyCause: `${read.cause.charAt(0).toUpperCase()}${read.cause.slice(1)}`,
    nextAction: read.action,
    fix: read.fix,
    noRollback: 'the server changed under the unchanged client; an earlier revision of these pods sends no credentials either',
    datesChange: true,
    evidence: read.evidence ?? [],
  };
}
