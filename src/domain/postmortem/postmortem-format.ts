/**
 * The two ways a post-mortem is written: a Markdown file and chat prose. The sections are
 * written once against this interface, so both say the same thing in their own markup.
 * Untrusted text (titles, messages, summaries) only ever goes through `text`, which keeps it
 * on one line and, in Markdown, escapes everything that could open a table cell, a link,
 * HTML or emphasis. The chat flavour names people as `@U…` (postmortem-draft.ts makes them
 * mentions); its emphasis is the `*`/`_` both Markdown and the chat read.
 */
export interface PostmortemFormat {
  kind: 'markdown' | 'slack';
  /** Untrusted text, as stored or as the chat sent it: one line, at most `max` characters. */
  text(untrusted: string, max?: number): string;
  mention(userId: string): string;
  em(trusted: string): string;
  strong(trusted: string): string;
  code(trusted: string): string;
  link(url: string, label: string): string;
}

/** Long enough for any sentence a person writes in a channel; the channel keeps the rest. */
export const TEXT_MAX = 1000;

const USER_ID = /^[UW][A-Z0-9]+$/;
/** How plain text names a person or a channel (document.ts idToken). */
export const PERSON_OR_CHANNEL = /(?<![\w@#])[@#]([UW][A-Z0-9]{2,}|C[A-Z0-9]{2,})\b/g;

/**
 * Words people typed, in plain text. Timeline entries are plain already; titles and summaries
 * typed in a chat command are kept as the chat sent them (escaped, `<@U…|name>` mentions,
 * `<url|label>` links), and so are root causes recorded before timeline text was plain.
 */
export function readWords(text: string): string {
  return text
    .replace(/<([^>|]*)(?:\|([^>]*))?>/g, (_, target: string, label: string | undefined) => {
      const named = label !== undefined && label !== '';
      if (/^@[UW][A-Z0-9]+$/.test(target)) return target;
      if (target.startsWith('#')) return named ? `#${label}` : target;
      if (target.startsWith('@') || target.startsWith('!')) return named ? `@${label.replace(/^@/, '')}` : `@${target.slice(1).split('^')[0]}`;
      return named ? label : target;
    })
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The Markdown file is read outside Slack: people by name where we know it, else @ID. */
export function markdownFormatWith(names: ReadonlyMap<string, string> = new Map()): PostmortemFormat {
  const person = (userId: string) => names.get(userId) ?? `@${userId}`;
  return {
    kind: 'markdown',
    text: (untrusted, max = TEXT_MAX) => escapeMarkdown(clip(oneLine(readWords(untrusted)).replace(PERSON_OR_CHANNEL, (token: string, id: string) => (token.startsWith('@') ? person(id) : token)), max)),
    mention: (userId) => escapeMarkdown(USER_ID.test(userId) ? person(userId) : oneLine(userId)),
    em: (trusted) => `_${trusted}_`,
    strong: (trusted) => `**${trusted}**`,
    code: (trusted) => `\`${trusted.replaceAll('`', "'")}\``,
    link: (url, label) => (isWebUrl(url) ? `[${escapeMarkdown(label)}](${encodeUrl(url)})` : escapeMarkdown(label)),
  };
}

export const markdownFormat: PostmortemFormat = markdownFormatWith();

export const chatFormat: PostmortemFormat = {
  kind: 'slack',
  // The chat adapter escapes what its markup needs; `@U…` and `#C…` become mentions (postmortem-draft.ts).
  text: (untrusted, max = TEXT_MAX) => clip(oneLine(readWords(untrusted)), max),
  mention: (userId) => (USER_ID.test(userId) ? `@${userId}` : oneLine(userId)),
  em: (trusted) => `_${trusted}_`,
  strong: (trusted) => `*${trusted}*`,
  code: (trusted) => `\`${trusted.replaceAll('`', "'")}\``,
  // The adapter escapes link syntax; a chat links a bare URL by itself.
  link: (url, label) => (isWebUrl(url) ? `${label} ${url}` : label),
};

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Backslash-escapes Markdown punctuation that could end a table cell or start markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url);
}

/** A URL inside `(…)` in a table cell: no spaces, parentheses or pipes left raw. */
function encodeUrl(url: string): string {
  // encodeURIComponent leaves ( and ) alone.
  return url.replace(/[()|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
