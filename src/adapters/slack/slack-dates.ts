/**
 * Turns the domain's time markers (domain/time-ref.ts) into Slack's date formatting, which every
 * Slack client draws in its reader's own zone: `<!date^1764762060^{date_short_pretty} {time}|fallback>`.
 * Slack renders the token only in mrkdwn outside code; in code spans and blocks, plain_text
 * (headers, buttons) and anything else the marker becomes UTC text.
 */
import { replaceTimes, timesAsUtc, utcText } from '../../domain/time-ref.js';
import type { TimeStyle } from '../../domain/time-ref.js';

const TOKEN: Record<TimeStyle, string> = {
  time: '{time}',
  date: '{date_short_pretty}',
  datetime: '{date_short_pretty} {time}',
};

function slackDate(epochSeconds: number, style: TimeStyle): string {
  return `<!date^${epochSeconds}^${TOKEN[style]}|${utcText(epochSeconds, style)}>`;
}

/** mrkdwn: markers outside code become Slack date tokens, markers inside code become UTC. */
export function mrkdwnWithDates(text: string): string {
  // Odd pieces of a split on ``` are code blocks; inside prose, odd pieces of a split on ` are code spans.
  return text
    .split('```')
    .map((block, i) =>
      i % 2 === 1
        ? timesAsUtc(block)
        : block
            .split('`')
            .map((span, j) => (j % 2 === 1 ? timesAsUtc(span) : replaceTimes(span, slackDate)))
            .join('`'),
    )
    .join('```');
}

/**
 * A Web API payload (text, blocks, attachments) with every marker rendered for where it sits:
 * mrkdwn text objects and the top-level `text` get date tokens, everything else UTC.
 */
export function withSlackDates<T>(payload: T): T {
  return render(payload, 'mrkdwn') as T;
}

function render(value: unknown, mode: 'mrkdwn' | 'plain'): unknown {
  if (typeof value === 'string') return mode === 'mrkdwn' ? mrkdwnWithDates(value) : timesAsUtc(value);
  if (Array.isArray(value)) return value.map((v) => render(v, mode));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  // A text object says how Slack reads it; plain_text shows a date token as written.
  const own = obj.type === 'plain_text' ? 'plain' : obj.type === 'mrkdwn' ? 'mrkdwn' : mode;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    // Only text is read by people; ids, values and metadata keep their markers out (they have none).
    out[k] = k === 'text' || k === 'fields' || k === 'elements' || k === 'blocks' || k === 'accessory' || k === 'attachments' ? render(v, own) : v;
  }
  return out;
}
