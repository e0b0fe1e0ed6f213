/**
 * What a person reads in a Slack message, for tests that check the rules of what people see
 * (issue 10): the text of every block, and any time written out raw where Slack would not draw
 * it in the reader's own zone.
 */

interface MessageLike {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}

/**
 * Every piece of text a reader sees in a message, one per line: the blocks' text objects
 * (section text and fields, context elements, headers, rich text), attachments' blocks, and the
 * top-level `text` (the notification, and what is shown when there are no blocks).
 */
export function visibleText(message: MessageLike): string {
  const out: string[] = [];
  if (typeof message.text === 'string') out.push(message.text);
  collect(message.blocks, out);
  collect(message.attachments, out);
  return out.join('\n');
}

function collect(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  // A text object (mrkdwn or plain_text) or a rich text element carries its words in `text`.
  if (typeof obj.text === 'string') out.push(obj.text);
  for (const [key, v] of Object.entries(obj)) {
    // Buttons' values, action ids and URLs are not read; their labels are text objects.
    if (key === 'text' && typeof v === 'string') continue;
    if (key === 'value' || key === 'action_id' || key === 'block_id' || key === 'url') continue;
    collect(v, out);
  }
}

/** Slack's date token: drawn in the reader's own zone; its fallback is shown only where it cannot be. */
const DATE_TOKEN = /<!date\^\d+\^[^|>]*(\|[^>]*)?>/g;
/** A clock time (11:41, 11:41:07, ISO's T11:41:07Z), with a zone name after it or not; or a zone name alone. */
const RAW_TIME = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])(?:\s*(?:UTC|GMT)\b|Z\b)?|\b(?:UTC|GMT)(?:[+-]\d{1,2})?\b/g;

/**
 * Times written out in mrkdwn where Slack shows them as written: outside code blocks and code
 * spans (raw evidence may keep its UTC) and outside `<!date…>` tokens. An empty list is the rule.
 */
export function rawTimesOutsideCode(mrkdwn: string): string[] {
  const prose = mrkdwn
    .split('```')
    .filter((_, i) => i % 2 === 0)
    .map((block) => block.split('`').filter((_, j) => j % 2 === 0).join(' '))
    .join(' ')
    .replace(DATE_TOKEN, ' ');
  return prose.match(RAW_TIME) ?? [];
}

/** The Slack date tokens in a text (`<!date^1764762060^{time}|11:41 UTC>`). */
export function dateTokens(mrkdwn: string): string[] {
  return mrkdwn.match(DATE_TOKEN) ?? [];
}

/**
 * What a person reads of a Slack message, measured the same way by the wire tests and
 * bench/triage-messages.ts: every `text` string in the blocks (sections, contexts, headers) plus
 * the notification `text`, with Slack date tokens counted as their fallback ("2026-12-03 11:41
 * UTC", longer than most clients draw them) — a conservative stand-in for what shows on screen.
 */
/** A date token with its fallback captured. */
const DATE_TOKEN_FALLBACK = /<!date\^\d+\^[^|>]*\|([^>]*)>/g;

/** Every text string of a Block Kit payload, in order. */
export function blockStrings(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(blocks);
  return out;
}

export function withoutDateTokens(text: string): string {
  return text.replace(DATE_TOKEN_FALLBACK, '$1');
}

/** Characters of visible text: the blocks' text plus the notification text. */
export function visibleLength(message: { text?: string | undefined; blocks?: unknown }): number {
  return [...blockStrings(message.blocks ?? []), message.text ?? ''].map(withoutDateTokens).join('').length;
}

/** The text with code blocks and code spans removed: what Slack formats as prose. */
export function proseOf(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
}

/** A clock written in UTC where the reader's own time should be (date tokens do not count). */
export function hasRawUtcInProse(text: string): boolean {
  return /\bUTC\b|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(proseOf(text.replace(DATE_TOKEN_FALLBACK, '')));
}
