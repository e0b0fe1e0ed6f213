/**
 * The two ways a post-mortem is written: a Markdown file and chat prose. The sections are
 * written once against this interface, so both say the same thing in their own markup.
 * Untrusted text (titles, messages, summaries) only ever goes through `text`, which keeps it
 * on one line and, in Markdown, escapes everything that could open a table cell, a link,
 * HTML or emphasis. The chat flavour names people as `@U…` and marks emphasis with CHAT_MARKS;
 * postmortem-draft.ts turns both into the document's parts.
 */
import { truncate } from '../text.js';

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
 * How words people typed read as plain text. Timeline entries are plain already; titles and
 * summaries typed in a chat command are kept as the chat sent them, and so are root causes
 * recorded before timeline text was plain: the chat adapter reads those (Chat.readText).
 */
export type ReadWords = (text: string) => { text: string };

const AS_WRITTEN: ReadWords = (text) => ({ text });

/**
 * The chat flavour marks emphasis with these (private-use) characters; postmortem-draft.ts turns
 * them into the document's strong, emphasis and code parts. Untrusted text never carries them.
 */
export const CHAT_MARKS = { strong: ['\uE001', '\uE002'], em: ['\uE003', '\uE004'], code: ['\uE005', '\uE006'] } as const;
const ANY_MARK = /[\uE001-\uE006]/g;

/** The Markdown file is read outside Slack: people by name where we know it, else @ID. */
export function markdownFormatWith(names: ReadonlyMap<string, string> = new Map(), read: ReadWords = AS_WRITTEN): PostmortemFormat {
  const person = (userId: string) => names.get(userId) ?? `@${userId}`;
  return {
    kind: 'markdown',
    text: (untrusted, max = TEXT_MAX) => escapeMarkdown(truncate(oneLine(read(untrusted).text).replace(PERSON_OR_CHANNEL, (token: string, id: string) => (token.startsWith('@') ? person(id) : token)), max)),
    mention: (userId) => escapeMarkdown(USER_ID.test(userId) ? person(userId) : oneLine(userId)),
    em: (trusted) => `_${trusted}_`,
    strong: (trusted) => `**${trusted}**`,
    code: (trusted) => `\`${trusted.replaceAll('`', "'")}\``,
    link: (url, label) => (isWebUrl(url) ? `[${escapeMarkdown(label)}](${encodeUrl(url)})` : escapeMarkdown(label)),
  };
}

export const markdownFormat: PostmortemFormat = markdownFormatWith();

/**
 * The chat summary: the chat adapter escapes what its markup needs; `@U…` and `#C…` become
 * mentions and CHAT_MARKS emphasis (postmortem-draft.ts).
 */
export function chatFormatWith(read: ReadWords = AS_WRITTEN): PostmortemFormat {
  const mark = (kind: keyof typeof CHAT_MARKS, trusted: string) => `${CHAT_MARKS[kind][0]}${trusted}${CHAT_MARKS[kind][1]}`;
  return {
    kind: 'slack',
    text: (untrusted, max = TEXT_MAX) => truncate(oneLine(read(untrusted).text.replace(ANY_MARK, '')), max),
    mention: (userId) => (USER_ID.test(userId) ? `@${userId}` : oneLine(userId)),
    em: (trusted) => mark('em', trusted),
    strong: (trusted) => mark('strong', trusted),
    code: (trusted) => mark('code', trusted),
    // A chat links a bare URL by itself.
    link: (url, label) => (isWebUrl(url) ? `${label} ${url}` : label),
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
