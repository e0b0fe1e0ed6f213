/** Helpers to build ChatDocuments within their limits, whatever the size of the evidence. */
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from './ports.js';
import type { ChatDocument } from './ports.js';
import { truncate } from './text.js';

type Paragraph = ChatDocument['paragraphs'][number];

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

/** Room a renderer needs around a paragraph (a code fence, a line break). */
const PARAGRAPH_OVERHEAD = 8;

function paragraphLength(p: Paragraph): number {
  return chatLength('code' in p ? p.code : p.text) + PARAGRAPH_OVERHEAD;
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
