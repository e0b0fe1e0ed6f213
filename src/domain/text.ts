/**
 * Text helpers every flow shares: one way to list names in a sentence, one way to cut a text to a length, and one short and one long
 * way to write a span of time, so the same span reads the same on the card, in the triage and in
 * the post-mortem.
 */

/** `text` with its first letter upper-cased: a clause that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c": names in a sentence. */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The first `shown` names and how many more: "a, b and 3 more"; all of them when they fit. */
export function listFirst(names: readonly string[], shown: number): string {
  return `${names.slice(0, shown).join(', ')}${names.length > shown ? ` and ${names.length - shown} more` : ''}`;
}

/** `text` when it fits in `max` characters; otherwise its first `max - 1` and "…". */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Short form, for lines read at a glance: "40s", "12m", "2h 5m", "1d 6h" (from a day on, days and
 * hours). A positive span under a second is "1s"; zero, negative or not a number is "0s".
 */
export function formatSpan(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

/**
 * Long form, for sentences: "45 seconds", "12 minutes", "1 day 6 hours 5 minutes" (units that are
 * zero left out); under half a second, zero, negative or not a number is "less than a minute".
 * Days are 24 hours, whatever a calendar in some zone says.
 */
export function formatSpanLong(ms: number): string {
  const seconds = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : 0;
  if (seconds === 0) return 'less than a minute';
  if (seconds < 60) return countOf(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  const parts: Array<[number, string]> = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor((minutes % 1440) / 60), 'hour'],
    [minutes % 60, 'minute'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => countOf(n, unit))
    .join(' ');
}

function countOf(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
