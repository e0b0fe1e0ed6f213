/** Small Block Kit helpers that keep within Slack's limits. */
import { truncate } from '../../domain/text.js';

export type Block = Record<string, unknown>;

const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_BUTTON_TEXT = 75;
export const MAX_BLOCKS = 50;

/** Slack's mrkdwn needs &, < and > escaped in text we did not write. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, MAX_HEADER_TEXT), emoji: true } };
}

export function section(markdown: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, MAX_SECTION_TEXT) } };
}

export function fields(pairs: [string, string][]): Block {
  // Slack allows 10 fields of 2000 characters each.
  return {
    type: 'section',
    fields: pairs.slice(0, 10).map(([name, value]) => ({ type: 'mrkdwn', text: truncate(`*${name}*\n${value}`, 2000) })),
  };
}

export function context(markdown: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(markdown, MAX_SECTION_TEXT) }] };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Block {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, MAX_BUTTON_TEXT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}
