/**
 * What a person reads of a Slack message, measured the same way by the wire tests and
 * bench/triage-messages.ts: every `text` string in the blocks (sections, contexts, headers) plus
 * the notification `text`, with Slack date tokens counted as their fallback ("2026-12-03 11:41
 * UTC", longer than most clients draw them) — a conservative stand-in for what shows on screen.
 */
const DATE_TOKEN = /<!date\^\d+\^[^|>]*\|([^>]*)>/g;

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
  return text.replace(DATE_TOKEN, '$1');
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
  return /\bUTC\b|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(proseOf(text.replace(DATE_TOKEN, '')));
}
