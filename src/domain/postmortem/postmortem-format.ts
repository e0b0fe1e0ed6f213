/**
 * The two ways a post-mortem is written: a Markdown file and Slack prose. The sections are
 * written once against this interface, so both say the same thing in their own markup.
 * Untrusted text (titles, messages, summaries) only ever goes through `text`, which keeps it
 * on one line and, in Markdown, escapes everything that could open a table cell, a link,
 * HTML or emphasis.
 */
import { decodeSlackText } from '../timeline/render-timeline.js';
import { truncate } from '../text.js';

export interface PostmortemFormat {
  kind: 'markdown' | 'slack';
  /** Untrusted text, as Slack sent it or as typed: one line, at most `max` characters. */
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

/** The Markdown file is read outside Slack: people by name where we know it, else @ID. */
export function markdownFormatWith(names: ReadonlyMap<string, string> = new Map()): PostmortemFormat {
  const person = (userId: string) => names.get(userId) ?? `@${userId}`;
  return {
    kind: 'markdown',
    text: (untrusted, max = TEXT_MAX) => escapeMarkdown(truncate(oneLine(decodeSlackText(untrusted)).replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => person(id)).replace(/<#(C[A-Z0-9]+)>/g, '#$1'), max)),
    mention: (userId) => escapeMarkdown(USER_ID.test(userId) ? person(userId) : oneLine(userId)),
    em: (trusted) => `_${trusted}_`,
    strong: (trusted) => `**${trusted}**`,
    code: (trusted) => `\`${trusted.replaceAll('`', "'")}\``,
    link: (url, label) => (isWebUrl(url) ? `[${escapeMarkdown(label)}](${encodeUrl(url)})` : escapeMarkdown(label)),
  };
}

export const markdownFormat: PostmortemFormat = markdownFormatWith();

export const slackFormat: PostmortemFormat = {
  kind: 'slack',
  // Slack has no escape for * and _; the adapter escapes &, < and > and keeps <@U…> mentions.
  text: (untrusted, max = TEXT_MAX) => truncate(oneLine(decodeSlackText(untrusted)), max),
  mention: (userId) => (USER_ID.test(userId) ? `<@${userId}>` : oneLine(userId)),
  em: (trusted) => `_${trusted}_`,
  strong: (trusted) => `*${trusted}*`,
  code: (trusted) => `\`${trusted.replaceAll('`', "'")}\``,
  // The adapter escapes <…|…> link syntax; Slack links a bare URL by itself.
  link: (url, label) => (isWebUrl(url) ? `${label} ${url}` : label),
};

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
