/**
 * Login callbacks failing the OAuth/OIDC state check because the session cookie does not come back
 * with them. The app saves the state (and nonce) in its session cookie before it sends the browser
 * to the identity provider, and looks for it when the provider redirects back to the callback: a
 * cross-site, top-level navigation. A SameSite=Strict cookie is left off that navigation, and so is
 * one whose domain or path no longer covers the callback, or one read under a new name: the callback
 * arrives without the session, and the library refuses it as a possible CSRF (authlib's
 * "mismatching_state", Spring's "authorization_request_not_found", passport's "Unable to verify
 * authorization request state", oauth2-proxy's "unable to obtain CSRF cookie"). Every login fails
 * while the pods stay Ready. The setting is named from the pod template, and dated by the revision
 * that changed it.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { EnvVarEvidence, RevisionEvidence } from './evidence-spec.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { LOST_LOGIN_STATE } from './in-process-sessions.js';
import { formatEnvValue, sortRevisions } from './revision-diff.js';

/** The refusal of a callback whose saved login state is missing, in the libraries' own words. */
const LOGIN_STATE_REFUSED = new RegExp(`${LOST_LOGIN_STATE.source}|\\bunable to obtain CSRF cookie\\b|\\bstate not found in session\\b|\\bstate cookie (?:was )?missing\\b|\\bchecks\\.state argument is missing\\b|\\boauth state was missing or invalid\\b|\\bCorrelation failed\\b`, 'i');
/** An env name that sets the session cookie (its SameSite, domain, path, Secure flag or name). */
const COOKIE_SETTING = /SAME_?SITE|COOKIE/i;
const SAME_SITE = /SAME_?SITE/i;
/** The cookie's signing secret and the like: they decide no cookie's way back, and their values are never shown. */
const SECRET_SETTING = /secret|key|pass|token|salt|signing/i;

type Settings = Map<string, string>;

/** The cookie settings a container list sets, as name → value as a reviewer sees it. */
function readCookieSettings(containers: readonly { env?: readonly EnvVarEvidence[] }[]): Settings {
  const out: Settings = new Map();
  for (const e of containers.flatMap((c) => c.env ?? [])) {
    if (COOKIE_SETTING.test(e.name) && !SECRET_SETTING.test(e.name)) out.set(e.name, 'value' in e ? e.value : formatEnvValue(e));
  }
  return out;
}

function sameSettings(a: Settings, b: Settings): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

function showValue(name: string, value: string | undefined): string {
  if (value === undefined) return 'unset';
  return SAME_SITE.test(name) ? value : formatEnvValue({ name, value });
}

interface CookieChange {
  revision: number;
  before: number;
  changes: { name: string; was?: string; now?: string }[];
}

/** The revision that brought the pods' cookie settings, and what it changed from the one before. */
function findCookieChange(current: Settings, revisions: readonly RevisionEvidence[]): CookieChange | undefined {
  const sorted = sortRevisions(revisions);
  const settings = sorted.map((r) => readCookieSettings(r.containers));
  let i = settings.findIndex((s) => sameSettings(s, current));
  if (i < 0) return undefined;
  while (i + 1 < settings.length && sameSettings(settings[i + 1] as Settings, current)) i++;
  const older = settings[i + 1];
  const newer = sorted[i];
  const previous = sorted[i + 1];
  if (older === undefined || newer === undefined || previous === undefined) return undefined;
  const names = [...new Set([...current.keys(), ...older.keys()])];
  const changes = names.filter((n) => current.get(n) !== older.get(n)).map((name) => ({ name, ...(older.has(name) ? { was: older.get(name) } : {}), ...(current.has(name) ? { now: current.get(name) } : {}) }));
  return { revision: newer.revision, before: previous.revision, changes };
}

export function explainLoginStateCookie(errors: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[], revisions: readonly RevisionEvidence[]): ClientDiagnosis | undefined {
  if (!errors.some((l) => LOGIN_STATE_REFUSED.test(l))) return undefined;
  const current = readCookieSettings(containers);
  const strict = [...current].find(([name, value]) => SAME_SITE.test(name) && /^strict$/i.test(value.trim()));
  const change = findCookieChange(current, revisions);
  // The SameSite change leads when there is one; otherwise every cookie setting the revision changed.
  const changes = change?.changes.filter((c) => SAME_SITE.test(c.name)).length ? change.changes.filter((c) => SAME_SITE.test(c.name)) : change?.changes ?? [];
  const told = changes.map((c) => `${c.name} ${showValue(c.name, c.was)} → ${showValue(c.name, c.now)}`).join(', ');
  const since = change !== undefined && changes.length > 0 ? ` since revision ${change.revision} (${told})` : '';
  const strictNow = strict !== undefined && (since === '' || changes.some((c) => c.name === strict[0]));
  if (!strictNow && since === '') return undefined;
  const cookie = strictNow ? `the session cookie is SameSite=Strict${since || ` (${strict?.[0]}=${strict?.[1]})`}` : `the session cookie changed${since}`;
  const why = strictNow
    ? 'so the browser leaves it off the identity provider\'s cross-site redirect back'
    : 'so the browser no longer sends it back with the callback';
  const mechanism =
    'The login saves its OAuth/OIDC state (and nonce) in the session cookie before it sends the browser to the identity provider, and looks for it when the provider redirects back to the callback. ' +
    (strictNow
      ? 'That redirect is a cross-site navigation, and a SameSite=Strict cookie is never sent on one: '
      : 'A cookie whose domain or path no longer covers the callback URL, that is Secure on a plain-http callback, or that is now read under another name does not come back with it: ') +
    'the callback arrives without the session, the saved state is not found, and the library refuses the login as a possible CSRF. Every login fails while the pods stay Ready; sessions opened before keep working.';
  const dated = change !== undefined && since !== '' ? ` Revision ${change.revision} changed ${told}.` : '';
  const strictName = strict?.[0] ?? '';
  const restore = changes.map((c) => (c.was === undefined ? `remove ${c.name}` : `${c.name}=${showValue(c.name, c.was)}`)).join(', ');
  const nextAction = strictNow
    ? `Set ${strictName}=Lax${change !== undefined && since !== '' ? ` (as revision ${change.before} had it)` : ''}: a Lax cookie comes back on the provider's top-level redirect and still stays off cross-site POSTs and subrequests. Then roll out and try a login.`
    : `Restore ${restore} as revision ${change?.before ?? ''} had it, or make the cookie's domain, path and Secure flag cover the callback URL; then roll out and try a login.`;
  return {
    summary: `login callbacks fail the OAuth state check: ${cookie}`,
    title: (where) => `Login callbacks fail the OAuth state check in the ${where}: ${cookie}, ${why}`,
    likelyCause: `${mechanism}${dated}`,
    nextAction,
    fix: strictNow ? `set ${strictName}=Lax` : `restore ${restore}`,
  };
}
