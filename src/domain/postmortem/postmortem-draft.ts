/**
 * The post-mortem draft posted on resolve (PRODUCT.md §6 "Post-mortem"): a Markdown file with
 * every section and the whole timeline, and a compact Slack version of the same sections that
 * stays within ChatDocument limits however long the incident was. Pure: the caller passes the
 * incident, its timeline, its action items (with the post-mortem's own item), a time zone and now.
 */
import { packInlineLines, splitDocument } from '../chat-document.js';
import { code, em, plainText, strong, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import { buildChannelName, slugify } from '../incident/channel-name.js';
import type { Incident } from '../incident/incident.js';
import type { ChatDocument } from '../ports.js';
import { gatherPostmortemFacts } from './postmortem-facts.js';
import type { PostmortemInput } from './postmortem-facts.js';
import { CHAT_MARKS, PERSON_OR_CHANNEL, chatFormatWith, markdownFormatWith, oneLine } from './postmortem-format.js';
import { writeSections } from './postmortem-sections.js';
import type { Block } from './postmortem-sections.js';
import { truncate } from '../text.js';

export type { PostmortemInput } from './postmortem-facts.js';

export interface PostmortemDraft {
  /** The Markdown file's content. */
  markdown: string;
  /** The Slack version: the same sections, compact, split over as many documents as needed. */
  summary: ChatDocument[];
  title: string;
  /** `postmortem-inc-20261121-9-payment-api.md`: lower-case letters, digits and dashes only. */
  filename: string;
}

/** A title is a line, not a paragraph; PagerDuty allows 1,024 characters. */
const TITLE_MAX = 150;
const FILENAME_STEM_MAX = 100;

export function buildPostmortemDraft(input: PostmortemInput): PostmortemDraft {
  const facts = gatherPostmortemFacts(input);
  const title = `Post-mortem: ${truncate(oneLine(input.incident.title), TITLE_MAX)}`;
  const markdownFormat = markdownFormatWith(input.userNames, input.readText);
  const markdown = renderMarkdown(`Post-mortem: ${markdownFormat.text(input.incident.title, TITLE_MAX)}`, writeSections(facts, markdownFormat, false));
  const summary = splitDocument(`${title} (draft)`, renderSlack(writeSections(facts, chatFormatWith(input.readText), true)));
  return { markdown, summary, title, filename: buildFilename(input.incident) };
}

function renderMarkdown(heading: string, blocks: Block[]): string {
  const parts = [`# ${heading}`];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(block.level)} ${block.text}`);
        break;
      case 'paragraph':
        parts.push(block.text);
        break;
      case 'banner':
        parts.push(`> ${block.text}`);
        break;
      case 'list':
        parts.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
        break;
      case 'checklist':
        parts.push(block.items.map((item) => `- [${item.checked ? 'x' : ' '}] ${item.text}`).join('\n'));
        break;
      case 'fields':
        parts.push(['| | |', '| --- | --- |', ...block.pairs.map(([label, value]) => `| **${label}** | ${value} |`)].join('\n'));
        break;
      case 'table':
        parts.push([tableRow(block.header), tableRow(block.header.map(() => '---')), ...block.rows.map(tableRow)].join('\n'));
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Each section starts a paragraph; a long one is packed over several, each within CHAT_PARAGRAPH_MAX. */
function renderSlack(blocks: Block[]): ChatDocument['paragraphs'] {
  const sections: Inline[][] = [[]];
  const add = (...lines: string[]) => sections.at(-1)!.push(...lines.map(chatInline));
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.level === 2) sections.push([]);
        sections.at(-1)!.push(strong(chatInline(block.text)));
        break;
      case 'paragraph':
      case 'banner':
        add(block.text);
        break;
      case 'list':
        add(...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item}`));
        break;
      case 'checklist':
        add(block.items.map((item) => `${item.checked ? '☑' : '☐'} ${item.text}`).join('   '));
        break;
      case 'fields':
        sections.at(-1)!.push(...block.pairs.map(([label, value]): Inline => [strong(`${label}:`), ' ', chatInline(value)]));
        break;
      case 'table':
        add(...block.rows.map((cells) => `• ${cells.join(' · ')}`));
        break;
    }
  }
  return sections.filter((lines) => lines.length > 0).flatMap((lines) => packInlineLines(lines));
}

type Mark = keyof typeof CHAT_MARKS;
const OPENS = new Map<string, Mark>(Object.entries(CHAT_MARKS).map(([kind, [open]]) => [open, kind as Mark]));
const CLOSES = new Set<string>(Object.values(CHAT_MARKS).map(([, close]) => close));

/**
 * A line of the chat flavour (postmortem-format.ts) as document parts: its emphasis marks become
 * strong, emphasis and code; outside code, `@U…` and `#C…` become mentions.
 */
function chatInline(line: string): Inline {
  const frames: { kind: Mark | undefined; parts: Inline[] }[] = [{ kind: undefined, parts: [] }];
  let text = '';
  const top = () => frames.at(-1)!;
  const flush = () => {
    if (text !== '') top().parts.push(top().kind === 'code' ? text : withPeople(text));
    text = '';
  };
  const close = () => {
    const { kind, parts } = frames.pop()!;
    top().parts.push(kind === 'strong' ? strong(parts) : kind === 'em' ? em(parts) : code(plainText(parts)));
  };
  for (const ch of line) {
    const opens = OPENS.get(ch);
    if (opens !== undefined || CLOSES.has(ch)) flush();
    if (opens !== undefined) frames.push({ kind: opens, parts: [] });
    else if (CLOSES.has(ch)) {
      if (frames.length > 1) close();
    } else text += ch;
  }
  flush();
  while (frames.length > 1) close();
  return top().parts;
}

/** People and channels named `@U…` / `#C…` become mentions. */
function withPeople(text: string): Inline {
  return withMentions(text, [...text.matchAll(PERSON_OR_CHANNEL)].map((m) => m[1]!));
}

/** Named like the incident's channel, so the file and the channel are easy to match. */
function buildFilename(incident: Incident): string {
  const pd = incident.pagerduty;
  const number = pd !== undefined ? (pd.number > 0 ? pd.number : pd.id) : `d${incident.declaredNumber ?? incident.id}`;
  const stem = slugify(incident.channel?.name ?? buildChannelName(incident.createdAt, number, incident.title)).slice(0, FILENAME_STEM_MAX).replace(/-+$/, '');
  return `postmortem-${stem === '' ? 'incident' : stem}.md`;
}
