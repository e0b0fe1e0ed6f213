/**
 * A time a person reads, written into domain text as a marker. The domain never knows who reads
 * a message or in which zone; the chat adapter turns each marker into the reader's own local time
 * (Slack: `<!date^…>`), and where no client renders it (code blocks, files, plain text) into UTC.
 */
export type TimeStyle = 'time' | 'date' | 'datetime';

const MARKER = /⟦time (-?\d+) (time|date|datetime)⟧/g;

/** `at` as a marker; an unparseable time is returned as written (never a wrong time). */
export function readerTime(at: string | number | Date, style: TimeStyle = 'datetime'): string {
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  if (Number.isNaN(ms)) return String(at);
  return `⟦time ${Math.floor(ms / 1000)} ${style}⟧`;
}

/** Replaces every marker in `text` with `render(epochSeconds, style)`. */
export function replaceTimes(text: string, render: (epochSeconds: number, style: TimeStyle) => string): string {
  return text.replace(MARKER, (_, sec: string, style: TimeStyle) => render(Number(sec), style));
}

/** "2026-12-03 11:41 UTC", "11:41 UTC", "2026-12-03": a marker for readers no client localises. */
export function utcText(epochSeconds: number, style: TimeStyle): string {
  const iso = new Date(epochSeconds * 1000).toISOString();
  if (style === 'date') return iso.slice(0, 10);
  if (style === 'time') return `${iso.slice(11, 16)} UTC`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Every marker in `text` as UTC text (Markdown files, logs, PagerDuty notes). */
export function timesAsUtc(text: string): string {
  return replaceTimes(text, utcText);
}
