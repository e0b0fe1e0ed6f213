/** Helpers to build ChatDocuments within their limits, whatever the size of the evidence. */
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from './ports.js';
import type { ChatDocument } from './ports.js';
import { isList, joinInline } from './document.js';
import type { DocumentBlock, Inline } from './document.js';
import { truncate } from './text.js';

type Paragraph = DocumentBlock;

/** Lines joined into paragraphs of at most CHAT_PARAGRAPH_MAX characters; a longer line is cut. */
export function packLines(lines: string[], as: 'text' | 'code', room = CHAT_PARAGRAPH_MAX - 10): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    if (current.length === 0) return;
    const body = current.join('\n');
    paragraphs.push(as === 'code' ? { code: body } : { text: body });
    current = [];
    size = 0;
  };
  for (const raw of lines) {
    const line = truncate(raw, room);
    if (size + chatLength(line) + 1 > room) flush();
    current.push(line);
    size += chatLength(line) + 1;
  }
  flush();
  return paragraphs;
}

/** Lines with markup (people, emphasis, times) joined into paragraphs within `room` as a chat shows them. */
export function packInlineLines(lines: Inline[], room = CHAT_PARAGRAPH_MAX - 10): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Inline[] = [];
  let size = 0;
  for (const line of lines) {
    const length = inlineLength(line) + 1;
    if (size + length > room && current.length > 0) {
      paragraphs.push({ text: joinInline(current, '\n') });
      current = [];
      size = 0;
    }
    current.push(line);
    size += length;
  }
  if (current.length > 0) paragraphs.push({ text: joinInline(current, '\n') });
  return paragraphs;
}

/** Splits paragraphs into as many documents as needed ("title (2/3)"). */
export function splitDocument(title: string, paragraphs: Paragraph[]): ChatDocument[] {
  if (paragraphs.length === 0) return [];
  const parts: Paragraph[][] = [];
  for (let i = 0; i < paragraphs.length; i += CHAT_DOCUMENT_PARAGRAPHS) parts.push(paragraphs.slice(i, i + CHAT_DOCUMENT_PARAGRAPHS));
  return parts.map((p, i) => ({ title: parts.length === 1 ? title : `${title} (${i + 1}/${parts.length})`, paragraphs: p }));
}

/**
 * Length as a chat shows it at most: Slack escapes &, < and > as entities, so a log line full of
 * `<init>` is longer on the wire than in the evidence.
 */
export function chatLength(text: string): number {
  let n = text.length;
  for (const ch of text) if (ch === '&') n += 4;
  else if (ch === '<' || ch === '>') n += 3;
  return n;
}

/** Room a chat needs for a mention, a link's brackets or an icon's name, at most. */
const MENTION_LENGTH = 14;
const ICON_LENGTH = 24;
/** A chat may draw a time longer than its marker (Slack: `<!date^…^{date_short_pretty} {time}|… UTC>`). */
const TIME_GROWTH = 45;

/** Length of inline parts as a chat shows them at most: the text escaped, plus its markup. */
export function inlineLength(inline: Inline): number {
  if (typeof inline === 'string') return chatLength(inline);
  if (isList(inline)) return inline.reduce((n: number, p) => n + inlineLength(p), 0);
  if ('strong' in inline) return inlineLength(inline.strong) + 2;
  if ('em' in inline) return inlineLength(inline.em) + 2;
  if ('code' in inline) return chatLength(inline.code) + 2;
  if ('link' in inline) return chatLength(inline.link) + inlineLength(inline.label) + 3;
  if ('mention' in inline || 'channel' in inline) return MENTION_LENGTH;
  if ('time' in inline) return inline.time.length + TIME_GROWTH;
  return ICON_LENGTH;
}

/** Room a renderer needs around a paragraph (a code fence, a line break). */
const PARAGRAPH_OVERHEAD = 8;

function paragraphLength(p: Paragraph): number {
  return blockLength(p) + PARAGRAPH_OVERHEAD;
}

function blockLength(p: Paragraph): number {
  if ('code' in p) return chatLength(p.code);
  if ('text' in p) return inlineLength(p.text);
  if ('heading' in p) return inlineLength(p.heading) + 2;
  if ('context' in p) return inlineLength(p.context);
  if ('list' in p) return p.list.reduce((n: number, item) => n + inlineLength(item) + 3, 0);
  return p.fields.reduce((n, f) => n + chatLength(f.label) + inlineLength(f.value) + 3, 0);
}

/**
 * Splits paragraphs into documents of at most `max` characters each, title included twice (a
 * chat shows it and notifies with it) — "title (2/3)". A paragraph is never cut here: packLines
 * keeps each under the room it is given.
 */
export function splitBySize(title: string, paragraphs: Paragraph[], max: number): ChatDocument[] {
  return splitGroupsBySize(title, paragraphs.map((p) => [p]), max);
}

/** As splitBySize, keeping each group (a heading and its code) in one document when it fits one. */
export function splitGroupsBySize(title: string, groups: Paragraph[][], max: number): ChatDocument[] {
  const room = max - 2 * (chatLength(title) + 12);
  const parts: Paragraph[][] = [];
  let current: Paragraph[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) parts.push(current);
    current = [];
    size = 0;
  };
  for (const group of groups) {
    const len = group.reduce((n, p) => n + paragraphLength(p), 0);
    if (size + len > room || current.length + group.length > CHAT_DOCUMENT_PARAGRAPHS) flush();
    for (const p of group) {
      // A group larger than a document is split where it must be.
      if (current.length > 0 && (size + paragraphLength(p) > room || current.length >= CHAT_DOCUMENT_PARAGRAPHS)) flush();
      current.push(p);
      size += paragraphLength(p);
    }
  }
  flush();
  return parts.map((p, i) => ({ title: parts.length === 1 ? title : `${title} (${i + 1}/${parts.length})`, paragraphs: p }));
}
