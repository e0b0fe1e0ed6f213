/**
 * A database account whose password has expired: the server refuses the logon itself, with its own
 * code — Oracle ORA-28001 (after ORA-28002 "the password will expire within N days" warned at each
 * logon of the grace period, set by the profile's PASSWORD_LIFE_TIME), MySQL 1862 "Your password
 * has expired" (default_password_lifetime / PASSWORD EXPIRE), PostgreSQL's server "User … has an
 * expired password" (VALID UNTIL; the client is only told "password authentication failed"), SQL
 * Server 18487 "The password of the account has expired". The pool keeps the connections it has
 * until they retire (maxLifetime), then cannot open new ones: it drains to zero and requests time
 * out waiting for one. The timeouts are the symptom; the account is the cause, and the fix is on
 * the database's side (reset the password, or a profile/policy without expiry), not in the pods.
 * Pure: reads log lines and the container's env.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';

/** The server's own words for a logon refused because the account's password expired. */
const EXPIRED = /\bORA-28001\b|\bER_MUST_CHANGE_PASSWORD_LOGIN\b|\b1862\b[^\n]*password has expired|Your password has expired|has an expired password|password of the account has expired|\bthe password has expired\b/i;
/** The warning the grace period logs before: "ORA-28002: the password will expire within 2 days". */
const WARNED = /\bORA-28002\b[^\n]*|password will expire within \d+ days?/i;
/** Env names that hold the account a process logs in as. */
const USER_ENV = /(?:^|_)(?:DB_?)?(?:USER|USERNAME|USER_NAME|LOGIN)$/i;
/** A JDBC/DSN URL's user: `user=CLAIMS_APP`, `//CLAIMS_APP@host`, `oracle://CLAIMS_APP:…@`. */
const URL_USER = /(?:[?&;]user(?:name)?=([^&;\s]+))|(?:\/\/([^:/@\s]+)(?::[^@\s]*)?@)/i;
/** A database URL in env: its host names the database. */
const DB_URL = /^(?:jdbc:[a-z]+:(?:thin:@)?|postgres(?:ql)?:|mysql:|sqlserver:|oracle:)/i;

export interface PasswordExpiry {
  /** The refused logon, as logged (its first line). */
  line: string;
  /** The product, when its code names it. */
  product?: 'Oracle' | 'MySQL' | 'PostgreSQL' | 'SQL Server';
  /** The grace-period warning logged earlier, when the log still has it. */
  warned?: string;
  /** The account, from the container's env or its database URL. */
  user?: string;
  /** The database host (from its URL in env), when there is one. */
  host?: string;
}

/** Whether a line is a logon refused for an expired password. */
export function isPasswordExpired(line: string): boolean {
  return EXPIRED.test(line);
}

function productOf(line: string): PasswordExpiry['product'] {
  if (/\bORA-\d{5}\b/.test(line)) return 'Oracle';
  if (/\b1862\b|ER_MUST_CHANGE_PASSWORD/.test(line)) return 'MySQL';
  if (/has an expired password/.test(line)) return 'PostgreSQL';
  if (/password of the account has expired/.test(line)) return 'SQL Server';
  return undefined;
}

/** The account and the database host the container's env names, when it does. */
function readAccount(containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): { user?: string; host?: string } {
  const env = containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [{ name: e.name, value: e.value }] : [])));
  const url = env.find((e) => DB_URL.test(e.value));
  const fromEnv = env.find((e) => USER_ENV.test(e.name) && /^[\w.$#-]{1,64}$/.test(e.value))?.value;
  const m = url ? URL_USER.exec(url.value) : null;
  const fromUrl = m?.[1] ?? m?.[2];
  const host = url ? /(?:@\/\/|@|\/\/)([a-z0-9][\w.-]*\.[a-z]{2,})(?::\d+)?/i.exec(url.value)?.[1] : undefined;
  const user = fromEnv ?? fromUrl;
  return { ...(user ? { user } : {}), ...(host ? { host } : {}) };
}

/** The expiry the lines report, with the account it concerns; undefined when no line says a password expired. */
export function readPasswordExpiry(lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): PasswordExpiry | undefined {
  const hit = lines.find((l) => EXPIRED.test(l));
  if (hit === undefined) return undefined;
  const line = hit.split('\n')[0]?.trim() ?? hit.trim();
  const warnedLine = lines.find((l) => WARNED.test(l));
  const warned = warnedLine ? WARNED.exec(warnedLine)?.[0] : undefined;
  const product = productOf(line) ?? (warned && /ORA-/.test(warned) ? 'Oracle' : undefined);
  return { line, ...(product ? { product } : {}), ...(warned ? { warned } : {}), ...readAccount(containers) };
}

/** How to end it, in the product's own terms. */
export function fixPasswordExpiry(e: PasswordExpiry): string {
  const who = e.user ?? '<the app account>';
  switch (e.product) {
    case 'Oracle':
      return `have the DBA reset the password of ${who} (ALTER USER ${who} IDENTIFIED BY …, and update the Secret the pods read) or move ${who} to a profile with PASSWORD_LIFE_TIME UNLIMITED, then restart the pods`;
    case 'MySQL':
      return `have the DBA reset the password of ${who} (ALTER USER … IDENTIFIED BY …, or ALTER USER … PASSWORD EXPIRE NEVER for a service account), then restart the pods`;
    case 'PostgreSQL':
      return `have the DBA extend the role ${who} (ALTER ROLE ${who} VALID UNTIL 'infinity', or a new password), then restart the pods`;
    default:
      return `have the DBA reset the expired password of ${who} (or exempt the service account from expiry), then restart the pods`;
  }
}
