/**
 * What the bot says, as structure instead of markup. The domain writes words, emphasis, code,
 * links, people and channels by id, times and icons by meaning; each adapter renders them in its
 * own markup (Slack: Block Kit and mrkdwn with its escaping, in adapters/slack/render-document.ts)
 * and `plainText` renders them for readers without markup (files, PagerDuty notes, stored text).
 * A plain string is always literal text: whoever renders it escapes it.
 */
import { readerTime } from './time-ref.js';
import type { TimeStyle } from './time-ref.js';

/** An icon by what it means; the chat picks the picture. */
export type Icon =
  | 'incident' // a new or urgent incident, a problem found
  | 'resolved' // resolved, done, healthy
  | 'warning' // something could not be done
  | 'note' // a note, a draft
  | 'pin' // an action item, a pinned message
  | 'waiting' // in progress, retrying, overdue
  | 'failed' // given up
  | 'moderate' // a middling severity
  | 'minor'; // a low severity

export type Inline =
  | string
  | readonly Inline[]
  | { readonly strong: Inline }
  | { readonly em: Inline }
  | { readonly code: string }
  | { readonly link: string; readonly label: Inline }
  /** A person, by chat user id. */
  | { readonly mention: string }
  /** A channel, by chat channel id. */
  | { readonly channel: string }
  /** A time the chat draws in each reader's own zone (a time-ref marker). */
  | { readonly time: string; readonly style: TimeStyle }
  | { readonly icon: Icon };

/** A block of a document: a paragraph, a code block, a heading, label/value fields, a list, small print. */
export type DocumentBlock =
  | { readonly text: Inline }
  | { readonly code: string }
  | { readonly heading: Inline }
  | { readonly fields: readonly { readonly label: string; readonly value: Inline }[] }
  | { readonly list: readonly Inline[] }
  | { readonly context: Inline };

export const strong = (content: Inline): Inline => ({ strong: content });
export const em = (content: Inline): Inline => ({ em: content });
export const code = (text: string): Inline => ({ code: text });
export const link = (url: string, label: Inline): Inline => ({ link: url, label });
export const mention = (userId: string): Inline => ({ mention: userId });
export const channel = (channelId: string): Inline => ({ channel: channelId });
export const icon = (name: Icon): Inline => ({ icon: name });
export function time(at: string | number | Date, style: TimeStyle = 'datetime'): Inline {
  return { time: readerTime(at, style), style };
}

/** Parts joined with a separator (", ", " · ", "\n"). */
export function joinInline(parts: readonly Inline[], separator: Inline): Inline[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p]));
}

export interface PlainOptions {
  /** People's names by user id; an unknown one is written `@ID`. */
  names?: ReadonlyMap<string, string> | undefined;
  /** How an icon reads in plain text; default: left out. */
  icon?: ((name: Icon) => string) | undefined;
}

/** The words without markup: people as @name (else @ID), channels as #ID, links as their label. */
export function plainText(inline: Inline, opts: PlainOptions = {}): string {
  if (typeof inline === 'string') return inline;
  if (isList(inline)) return inline.map((p) => plainText(p, opts)).join('');
  if ('strong' in inline) return plainText(inline.strong, opts);
  if ('em' in inline) return plainText(inline.em, opts);
  if ('code' in inline) return inline.code;
  if ('link' in inline) return plainText(inline.label, opts);
  if ('mention' in inline) return `@${opts.names?.get(inline.mention) ?? inline.mention}`;
  if ('channel' in inline) return `#${inline.channel}`;
  if ('time' in inline) return inline.time;
  return opts.icon?.(inline.icon) ?? '';
}

export function isList(inline: Inline): inline is readonly Inline[] {
  return Array.isArray(inline);
}

/**
 * Text that names people and channels by id as `@U…` / `#C…` (a stored timeline entry, a
 * person's message): those ids listed in `mentions` become mentions, the rest stays text.
 */
export function withMentions(text: string, mentions: readonly string[] | undefined): Inline[] {
  if (mentions === undefined || mentions.length === 0) return [text];
  const known = new Set(mentions);
  const parts: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(/([@#])([UWC][A-Z0-9]+)\b/g)) {
    const [whole, sigil, id] = m as unknown as [string, string, string];
    if (!known.has(id) || (sigil === '@') !== /^[UW]/.test(id)) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(sigil === '@' ? mention(id) : channel(id));
    last = m.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** How a stored text names a person or a channel: `@U…`, `#C…` (see withMentions). */
export function idToken(id: string): string {
  return /^[UW]/.test(id) ? `@${id}` : `#${id}`;
}

/** Inline parts as stored plain text: people and channels as `@U…` / `#C…`, their ids in `mentions`. */
export function storedText(inline: Inline): { text: string; mentions?: string[] } {
  const mentions: string[] = [];
  const walk = (part: Inline): string => {
    if (typeof part === 'string') return part;
    if (isList(part)) return part.map(walk).join('');
    if ('mention' in part || 'channel' in part) {
      const id = 'mention' in part ? part.mention : part.channel;
      if (!mentions.includes(id)) mentions.push(id);
      return idToken(id);
    }
    if ('strong' in part) return walk(part.strong);
    if ('em' in part) return walk(part.em);
    if ('link' in part) return walk(part.label);
    return plainText(part);
  };
  const text = walk(inline);
  return mentions.length > 0 ? { text, mentions } : { text };
}
