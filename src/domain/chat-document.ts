/** Helpers to build ChatDocuments within their limits, whatever the size of the evidence. */
import { CHAT_DOCUMENT_PARAGRAPHS, CHAT_PARAGRAPH_MAX } from './ports.js';
import type { ChatDocument } from './ports.js';

type Paragraph = ChatDocument['paragraphs'][number];

/** Lines joined into paragraphs of at most CHAT_PARAGRAPH_MAX characters; a longer line is cut. */
export function packLines(lines: string[], as: 'text' | 'code'): Paragraph[] {
  const room = CHAT_PARAGRAPH_MAX - 10;
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
    const line = raw.length > room ? `${raw.slice(0, room - 1)}…` : raw;
    if (size + line.length + 1 > room) flush();
    current.push(line);
    size += line.length + 1;
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
