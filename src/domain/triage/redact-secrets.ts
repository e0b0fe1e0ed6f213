/**
 * Redacts credentials from text before it reaches Slack: log tails, event messages, env
 * values. Aims at what leaks in practice (connection strings, headers, key=value pairs,
 * JSON fields, well-known token formats, PEM blocks) and leaves ordinary log text alone:
 * hostnames, ports, IPs, UUID request ids and image digests survive.
 */

export const REDACTED = '[REDACTED]';

interface Rule {
  name: string;
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
  /** A match its first group and the text before it show to be no secret is left alone. */
  keep?: (match: string, head: string, before: string) => boolean;
}

/** Key names whose values are secrets. Long words may carry any prefix (dbPassword, client_secret). */
const SECRET_KEY =
  String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|signature)` +
  String.raw`|(?:[A-Za-z0-9_.-]*[_.-])?(?:pass|pwd)`;

/**
 * A key that ends a file path is a file name, not a field: in "open /var/run/secrets/…/token: no
 * such file" the text after the colon is the error. The path segment stops at URL query marks, so
 * "/cb?access_token=x" is still a field.
 */
const NOT_IN_PATH = String.raw`(?<![/\\][^\s/\\?&=:;,"'\[\]{}]*)`;

/**
 * A value that is already a placeholder, a file path (`token=/var/run/secrets/…`), a boolean or
 * an unset marker (`automountServiceAccountToken: false`, `(unset)`), or a standard OS/Go error
 * wrapped after the key ("reading token: permission denied", Go's "cannot verify signature: insecure
 * algorithm SHA1-RSA") is left alone. So is an error
 * message after a policy rule named for what it checks: Kyverno reports a denial as
 * "verify-cosign-signature: 'failed to verify image …'" or "check-secret: 'validation error: …'".
 */
const NOT_PLACEHOLDER_OR_PATH =
  String.raw`(?!\[REDACTED)(?!\/)(?!(?:true|false|null|\((?:unset|none)\))(?![\w.-]))` +
  String.raw`(?!(?:no such file or directory|permission denied|connection refused|context deadline exceeded|i\/o timeout|EOF|failed to|validation error|insecure algorithm)\b)`;

/** A password key: a password may be any phrase, spaces and plain words included. */
const PASSWORD_KEY = /(?:pass|pwd)/i;

/**
 * Tokens, keys, secrets and signatures are encodings (base64, hex, "sha256=…", vendor formats)
 * and hold no space: a quoted value with spaces after a signature key is a message. After a
 * token, key or secret key it must also read as a sentence (punctuation then a space, a URL or a
 * quote inside), as when prose quotes an error after its subject ("refuses every token:
 * \"Invalid issuer. Expected 'https://…'\""): a bare phrase may be a passphrase. A password key
 * keeps its redaction: a password may be any phrase.
 */
function isQuotedMessage(head: string, value: string): boolean {
  if (PASSWORD_KEY.test(head) || !/\S\s+\S/.test(value)) return false;
  if (/signature\b["']?\s*[:=]\s*$/i.test(head)) return true;
  return /[.,:;!?]\s|:\/\/|['"`]/.test(value);
}

/**
 * A bare web address (no user:password@, no query or fragment, no long random path segment) is
 * where something lives, not a credential: an issuer or endpoint URL after a token key
 * ("token issuer: https://id.example.com/realms/main") is public. A webhook URL whose path
 * carries its secret keeps its redaction.
 */
function isPublicUrl(value: string): boolean {
  const m = /^(https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)((?:\/[A-Za-z0-9._~-]*)*)\/?['"]?$/.exec(value);
  if (!m) return false;
  return (m[2] ?? '').split('/').every((seg) => !looksRandom(seg));
}

/** A path segment long and mixed enough to be a generated secret rather than a name. */
function looksRandom(seg: string): boolean {
  return seg.length >= 16 && /\d/.test(seg) && /[A-Za-z]/.test(seg) && !/^[a-z]+(?:[-_.][a-z0-9]+)*$/.test(seg);
}

/**
 * A `tool namespace:subcommand` inside a code span ("run `app cache:clear`") is a command, not
 * a key and its value: the key touches its colon, the value is a bare lower-case word (no digits,
 * capitals or symbols, so nothing shaped like a secret), and an odd number of backticks opens the
 * span before it on the same line. A password key keeps its redaction: a password may be a plain word.
 */
function isCommandInCodeSpan(match: string, head: string, before: string): boolean {
  if (!/^[A-Za-z0-9_.-]+:$/.test(head) || PASSWORD_KEY.test(head)) return false;
  if (!/^[a-z]+(?:-[a-z]+)*`?$/.test(match.slice(head.length))) return false;
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return (line.match(/`/g)?.length ?? 0) % 2 === 1;
}

const RULES: Rule[] = [
  {
    name: 'pem-block',
    // Unterminated blocks (a tail cut mid-key) are redacted to the end of the text.
    pattern: /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g,
    replace: '[REDACTED PEM BLOCK]',
  },
  {
    name: 'url-credentials',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*):([^\s@/?#]+)@/gi,
    replace: (_m, userPart = '') => `${userPart}:${REDACTED}@`,
  },
  {
    name: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: REDACTED,
  },
  {
    name: 'auth-scheme',
    // The credential must look like one (a digit or symbol in it): "Basic authentication" survives.
    pattern: /\b(Bearer|Basic)(\s+)(?!\[REDACTED)(?=[A-Za-z]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}/g,
    replace: (_m, scheme = '', space = ' ') => `${scheme}${space}${REDACTED}`,
  },
  {
    name: 'aws-access-key-id',
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g,
    replace: REDACTED,
  },
  {
    name: 'vendor-token',
    // Slack, GitHub, GitLab, Google API, Stripe, npm, OpenAI-style keys: self-identifying formats.
    pattern:
      /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|npm_[A-Za-z0-9]{36}|sk-(?:proj-)?[A-Za-z0-9_-]{20,})/g,
    replace: REDACTED,
  },
  {
    name: 'cookie-header',
    pattern: /\b((?:set-)?cookie\s*:\s*)[^\n]+/gi,
    replace: (_m, head = '') => `${head}${REDACTED}`,
  },
  {
    name: 'quoted-secret-field',
    // "password": "hunter 2", 'secret'='x', password="x": the whole quoted value goes.
    pattern: new RegExp(String.raw`(${NOT_IN_PATH}["']?\b(?:${SECRET_KEY})\b["']?\s*[:=]\s*)(["'])${NOT_PLACEHOLDER_OR_PATH}(?:\\.|(?!\2).)*\2`, 'gi'),
    replace: (match, head = '', quote = '"') =>
      isQuotedMessage(head, match.slice(head.length + 1, -1)) || isPublicUrl(match.slice(head.length + 1, -1))
        ? match
        : `${head}${quote}${REDACTED}${quote}`,
  },
  {
    name: 'secret-key-value',
    // password=x, DB_PASSWORD: x, ?access_token=x&…, Pwd=x; (stops at separators)
    pattern: new RegExp(String.raw`(${NOT_IN_PATH}\b(?:${SECRET_KEY})\b["']?\s*[:=]\s*)${NOT_PLACEHOLDER_OR_PATH}[^\s,;&"'}\]]+`, 'gi'),
    replace: (_m, head = '') => `${head}${REDACTED}`,
    keep: (match, head, before) => isCommandInCodeSpan(match, head, before) || isPublicUrl(match.slice(head.length)),
  },
  {
    name: 'secret-flag',
    // --password hunter2, --token abc (the = form is covered above)
    pattern: /(^|\s)(--?(?:[a-z][a-z-]*?-)?(?:password|token|secret|api-key)\s+)(?!\[REDACTED)(?!-)\S+/gi,
    replace: (_m, lead = '', head = '') => `${lead}${head}${REDACTED}`,
  },
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const rule of RULES) {
    const { keep } = rule;
    const text = out;
    out =
      typeof rule.replace === 'string'
        ? out.replace(rule.pattern, rule.replace)
        : out.replace(rule.pattern, (match: string, ...args: unknown[]) => {
            // The arguments after the match: its groups, then its offset and the whole text.
            const at = args.findIndex((a) => typeof a === 'number');
            const groups = args.slice(0, at).map((g) => (typeof g === 'string' ? g : ''));
            const offset = Number(args[at] ?? 0);
            if (keep?.(match, groups[0] ?? '', text.slice(0, offset))) return match;
            return (rule.replace as (m: string, ...g: string[]) => string)(match, ...groups);
          });
  }
  return out;
}

/**
 * Redacts a log tail line by line, except that a PEM block spanning lines is redacted as
 * one: the lines are joined, redacted and split again, and the line count may shrink.
 */
export function redactLines(lines: readonly string[]): string[] {
  if (!lines.some((l) => l.includes('-----BEGIN '))) return lines.map(redactSecrets);
  return redactSecrets(lines.join('\n')).split('\n');
}
