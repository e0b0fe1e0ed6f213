/**
 * What the Slack adapter makes of the domain's documents, for tests that check the words and
 * their markup: mrkdwn with Slack's entities (&amp; &lt; &gt;) read back, code blocks as written.
 */
import { blockStrings } from './slack-text.js';
import { mrkdwn, renderBlock } from '../../src/adapters/slack/render-document.js';
import type { DocumentBlock, Inline } from '../../src/domain/document.js';

export function decodeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** A block's text: code as written, everything else as its mrkdwn (entities read back). */
export function blockText(block: DocumentBlock): string {
  if ('code' in block) return block.code;
  return decodeEntities(blockStrings([renderBlock(block)]).join('\n'));
}

export function inlineText(inline: Inline): string {
  return decodeEntities(mrkdwn(inline));
}
