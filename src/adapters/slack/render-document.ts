/**
 * The domain's documents (domain/document.ts) in Slack's words: inline parts become mrkdwn with
 * Slack's escaping (&, < and > as entities; Slack has no escape for * and _), people and channels
 * become `<@U…>` / `<#C…>` mentions, icons become emoji, blocks become Block Kit. Times stay the
 * domain's markers here; the payload pass in slack-dates.ts draws them in each reader's zone.
 */
import type { DocumentBlock, Icon, Inline } from '../../domain/document.js';
import { isList } from '../../domain/document.js';
import type { ChatDocument } from '../../domain/ports.js';
import { truncate } from '../../domain/text.js';
import { MAX_BLOCKS, context, escapeMrkdwn, fields, section } from './block-kit.js';
import type { Block } from './block-kit.js';

const EMOJI: Record<Icon, string> = {
  incident: ':rotating_light:',
  resolved: ':white_check_mark:',
  warning: ':warning:',
  note: ':memo:',
  pin: ':pushpin:',
  waiting: ':hourglass:',
  failed: ':x:',
  moderate: ':large_orange_circle:',
  minor: ':large_yellow_circle:',
};

export function emoji(name: Icon): string {
  return EMOJI[name];
}

/** Inline parts as mrkdwn; every string is escaped, only markup built here reaches Slack. */
export function mrkdwn(inline: Inline): string {
  if (typeof inline === 'string') return escapeMrkdwn(inline);
  if (isList(inline)) return inline.map(mrkdwn).join('');
  if ('strong' in inline) return wrap('*', mrkdwn(inline.strong));
  if ('em' in inline) return wrap('_', mrkdwn(inline.em));
  if ('code' in inline) return inline.code === '' ? '' : `\`${escapeMrkdwn(inline.code.replaceAll('`', "'"))}\``;
  if ('link' in inline) {
    const label = mrkdwn(inline.label).replaceAll('|', '¦');
    return /^(?:https?|mailto):\S+$/.test(inline.link) ? `<${escapeMrkdwn(inline.link)}|${label}>` : label;
  }
  if ('mention' in inline) return `<@${inline.mention}>`;
  if ('channel' in inline) return `<#${inline.channel}>`;
  if ('time' in inline) return inline.time;
  return EMOJI[inline.icon];
}

/** Slack reads `*…*` as bold only when nothing but text is inside; an empty span is left out. */
function wrap(mark: string, inner: string): string {
  return inner === '' ? '' : `${mark}${inner}${mark}`;
}

/** A short message: its mrkdwn is both the notification and the one section. */
export function textMessage(inline: Inline): { text: string; blocks: Block[] } {
  const text = mrkdwn(inline);
  return { text, blocks: [section(text)] };
}

export function documentText(doc: ChatDocument): string {
  return truncate(doc.title, 3000);
}

/** The title in bold, then one block per part of the document. */
export function documentBlocks(doc: ChatDocument): Block[] {
  const blocks: Block[] = [section(`*${escapeMrkdwn(doc.title)}*`)];
  for (const p of doc.paragraphs) blocks.push(renderBlock(p));
  return blocks.slice(0, MAX_BLOCKS);
}

export function renderBlock(block: DocumentBlock): Block {
  if ('code' in block) return section(`\`\`\`${escapeCode(block.code)}\`\`\``);
  if ('heading' in block) return section(wrap('*', mrkdwn(block.heading)));
  if ('fields' in block) return fields(block.fields.map((f) => [escapeMrkdwn(f.label), mrkdwn(f.value)]));
  if ('list' in block) return section(block.list.map((item) => `• ${mrkdwn(item)}`).join('\n'));
  if ('context' in block) return context(mrkdwn(block.context));
  return section(mrkdwn(block.text));
}

/** Inside a code block only the fence itself and &<> need care. */
function escapeCode(text: string): string {
  return escapeMrkdwn(text).replaceAll('```', "'''");
}
